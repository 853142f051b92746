-- Custody is now voucher.consigned.v1 on each voucher's stream, decided by the voucher's own decider at the
-- stream's version: the write-side custody tables go. Rows they hold are not turned into events; a database
-- holding consignments must have them replayed as voucher.consigned.v1 first.
drop table voucher_custody;
drop table custody_moves;

-- Read model: which distributor's stock holds each consigned voucher, and whether it was handed out
-- (voucher.consigned.v1, voucher.distributed.v1, voucher.cancelled.v1). Rebuildable from the topic.
create table voucher_holding (
    voucher_id     uuid primary key,
    programme_id   uuid        not null,
    book_id        uuid        not null,
    distributor_id uuid,
    consigned_at   timestamptz not null,
    handed_out_at  timestamptz,
    events_applied int         not null,
    updated_at     timestamptz not null
);
create index voucher_holding_distributor on voucher_holding (distributor_id, book_id);

-- Read model: each voucher's steps across the issuance, redemption and settlement topics, oldest first.
create table voucher_history (
    voucher_id     uuid primary key,
    steps          jsonb       not null,
    events_applied int         not null,
    updated_at     timestamptz not null
);

