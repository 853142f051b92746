-- Tamper evidence: each event carries a hash chained to the one before it in its stream, from the first:
--   chain_hash(v) = sha256(chain_hash(v - 1) || utf8(stream_id | version | event_id | type | payload))
-- with the empty string before version 1 and the payload as PostgreSQL writes jsonb out (the text the relay
-- publishes). Anyone holding a stream's records (from the topic or an export) recomputes the chain; an event
-- altered, removed or inserted afterwards breaks it from there on. The relay publishes it as ce_chainhash.
alter table events add column chain_hash bytea;

create function event_chain_link(previous bytea, stream_id text, version bigint, event_id uuid, type text,
                                 payload jsonb) returns bytea language sql immutable as $$
    select sha256(coalesce(previous, ''::bytea)
                  || convert_to(stream_id || '|' || version || '|' || event_id || '|' || type || '|' || payload::text,
                                'UTF8'))
$$;

-- A row-level BEFORE trigger sees the rows its statement inserted before this one, so a batch appending
-- several versions of one stream in one statement (EventStore.appendAll) chains them in order too.
create function events_chain() returns trigger language plpgsql as $$
declare
    previous bytea;
begin
    if new.version > 1 then
        select e.chain_hash into previous from events e
        where e.stream_id = new.stream_id and e.version = new.version - 1;
    end if;
    new.chain_hash := event_chain_link(previous, new.stream_id, new.version, new.event_id, new.type, new.payload);
    return new;
end $$;

create trigger events_chain before insert on events for each row execute function events_chain();

-- Events stored before the chain existed get theirs now, stream by stream, in version order.
alter table events disable trigger events_no_update_or_delete;
do $$
declare
    e record;
    previous bytea;
    stream text;
begin
    for e in select position, stream_id, version, event_id, type, payload from events order by stream_id, version loop
        if stream is distinct from e.stream_id then
            previous := null;
            stream := e.stream_id;
        end if;
        previous := event_chain_link(previous, e.stream_id, e.version, e.event_id, e.type, e.payload);
        update events set chain_hash = previous where position = e.position;
    end loop;
end $$;
alter table events enable trigger events_no_update_or_delete;

alter table events alter column chain_hash set not null;
