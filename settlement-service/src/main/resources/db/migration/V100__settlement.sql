-- Write-side guards, written in the transaction of the command they protect.

-- A run's name is unique: asking twice for "2026-03" is a mistake, not a second run.
create table settlement_runs (
    run_id uuid primary key,
    name   text not null unique
);

-- Never twice: a redemption is claimed by at most one statement, in the statement's own transaction.
create table statement_claims (
    redemption_id uuid primary key,
    statement_id  uuid not null
);
create index statement_claims_statement on statement_claims (statement_id);

-- Statement numbers run per year without gaps: the year's row is locked for the whole run, and a run
-- that rolls back takes its numbers back with it.
create table statement_counters (
    year        int    primary key,
    last_number bigint not null
);

-- Read model of what places are owed, fed by redemption.redemption-events.v1.
create table payable_redemption (
    redemption_id       uuid        primary key,
    redemption_event_id uuid        not null unique,
    voucher_id          uuid        not null,
    structure_id        uuid        not null,
    programme_id        uuid        not null,
    funder_id           uuid        not null,
    departement         text        not null,
    amount_cents        bigint      not null,
    redeemed_at         timestamptz not null,
    reversed            boolean     not null,
    events_applied      int         not null
);
create index payable_redemption_period on payable_redemption (redeemed_at) where not reversed;

-- Read models of this service's own events, fed by settlement.settlement-events.v1.
create table settlement_run_view (
    run_id         uuid        primary key,
    name           text        not null,
    period_start   timestamptz not null,
    period_end     timestamptz not null,
    opened_at      timestamptz not null,
    events_applied int         not null
);

create table statement_view (
    statement_id     uuid        primary key,
    run_id           uuid        not null,
    structure_id     uuid        not null,
    statement_number text        not null unique,
    total_cents      bigint      not null,
    line_count       int         not null,
    status           text        not null,
    issued_at        timestamptz not null,
    paid_at          timestamptz,
    bank_reference   text,
    events_applied   int         not null
);
create index statement_view_structure on statement_view (structure_id, statement_number);
create index statement_view_run on statement_view (run_id);

create table statement_line_view (
    redemption_id       uuid   primary key,
    statement_id        uuid   not null,
    redemption_event_id uuid   not null,
    voucher_id          uuid   not null,
    programme_id        uuid   not null,
    funder_id           uuid   not null,
    amount_cents        bigint not null
);
create index statement_line_view_statement on statement_line_view (statement_id);

create table reimbursement_view (
    voucher_id     uuid        primary key,
    redemption_id  uuid        not null,
    statement_id   uuid        not null,
    structure_id   uuid        not null,
    programme_id   uuid        not null,
    funder_id      uuid        not null,
    amount_cents   bigint      not null,
    reimbursed_at  timestamptz not null,
    events_applied int         not null
);
