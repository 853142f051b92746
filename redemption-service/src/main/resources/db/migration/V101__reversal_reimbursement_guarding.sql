-- Redemptions settlement reimbursed, fed by settlement.settlement-events.v1 (VoucherReimbursed): such a
-- redemption can no longer be reversed, and is no longer pending reimbursement.
create table reimbursed_redemption (
    redemption_id  uuid primary key,
    voucher_id     uuid        not null,
    structure_id   uuid        not null,
    statement_id   uuid        not null,
    amount_cents   bigint      not null,
    reimbursed_at  timestamptz not null,
    events_applied int         not null,
    updated_at     timestamptz not null
);

-- How far each consumed topic partition is applied (next offset to apply), written after each record by
-- whichever instance consumed it: with the topic's end offsets this gives the projection lag.
create table consumer_position (
    topic       text        not null,
    partition   int         not null,
    next_offset bigint      not null,
    event_time  timestamptz,
    updated_at  timestamptz not null,
    primary key (topic, partition)
);

-- Failed attempts with unknown codes, per place: the basis of code-guessing throttling.
create table unknown_code_attempt (
    id           bigserial primary key,
    structure_id uuid        not null,
    attempted_at timestamptz not null
);
create index unknown_code_attempt_place on unknown_code_attempt (structure_id, attempted_at);

-- Raised for the operator when a place crosses the unknown-code threshold (at most one per window).
create table code_guessing_alert (
    alert_id       uuid primary key,
    structure_id   uuid        not null,
    attempts       int         not null,
    window_seconds int         not null,
    raised_at      timestamptz not null
);
create index code_guessing_alert_raised on code_guessing_alert (raised_at desc);

create index redemption_view_funder on redemption_view (funder_id, redeemed_at desc);
