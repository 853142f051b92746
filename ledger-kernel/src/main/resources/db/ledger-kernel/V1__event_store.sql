-- The event store: the ledger itself. Rows are only ever inserted, never updated or deleted.
create table events (
    position       bigserial   primary key,
    stream_id      text        not null,
    version        bigint      not null,
    event_id       uuid        not null unique,
    type           text        not null,
    topic          text        not null,
    payload        jsonb       not null,
    correlation_id uuid        not null,
    causation_id   uuid,
    actor          text        not null,
    recorded_at    timestamptz not null,
    -- optimistic concurrency: two writers appending the same version of a stream cannot both commit
    constraint events_stream_version unique (stream_id, version)
);

create function events_are_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'events are immutable: % refused', tg_op;
end $$;

create trigger events_no_update_or_delete
    before update or delete on events
    for each row execute function events_are_immutable();

-- Transactional outbox: one row per event still to publish, written in the same transaction as the
-- event and deleted once Kafka acknowledged it. The relay reads whatever is committed here, so an
-- event whose transaction commits late with a lower position is still published (no "last seen" cursor).
create table outbox (
    position bigint primary key references events (position)
);

-- Inbox: which events each projection has applied, written in the same transaction as the
-- projection change, so a redelivered event changes nothing.
create table inbox (
    projection   text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    primary key (projection, event_id)
);

-- Idempotency keys of value-moving requests: the same key and body give the first answer again.
create table idempotency_keys (
    caller          text        not null,
    idempotency_key text        not null,
    operation       text        not null,
    request_hash    text        not null,
    response_status int,
    response_body   text,
    response_location text,
    created_at      timestamptz not null,
    primary key (caller, idempotency_key)
);
