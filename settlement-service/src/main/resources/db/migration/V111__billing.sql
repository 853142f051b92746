-- Fee rules, funder invoices and credit notes.

-- Write side of fee rules, filled in the transaction that publishes settlement.fee-rule-published.v1: what
-- invoicing reads to find the rule in force, and what the overlap check runs against. Rules never change.
create table fee_rules (
    fee_rule_id       text        primary key,
    programme_id      uuid,                 -- null: the scheme-wide default
    rate_basis_points int         not null check (rate_basis_points between 0 and 10000),
    valid_from        date        not null,
    valid_until       date,                 -- inclusive; null: open-ended
    published_at      timestamptz not null,
    published_by      text        not null,
    check (valid_until is null or valid_until >= valid_from)
);
create index fee_rules_scope on fee_rules (programme_id, valid_from);

-- Invoice and credit note numbers run per series and year without gaps: the row is locked until the
-- transaction ends, and a rollback takes its numbers back.
create table billing_counters (
    series      text   not null,
    year        int    not null,
    last_number bigint not null,
    primary key (series, year)
);

-- Vouchers that expired or were cancelled unused (issuance.voucher-events.v1): what credit notes refund.
create table unused_vouchers (
    voucher_id      uuid        primary key,
    programme_id    uuid        not null,
    funder_id       uuid        not null,
    face_value_cents bigint     not null,
    reason          text        not null, -- expired, cancelled
    unused_at       timestamptz not null,
    source_event_id uuid        not null,
    events_applied  int         not null
);
create index unused_vouchers_programme on unused_vouchers (programme_id);

-- Never twice: a voucher is claimed by at most one credit note, in the credit note's own transaction.
create table credit_note_claims (
    voucher_id     uuid primary key,
    credit_note_id uuid not null
);
create index credit_note_claims_note on credit_note_claims (credit_note_id);

-- Read models of invoices and credit notes, fed by settlement.settlement-events.v1.
create table funder_invoice_view (
    invoice_id       uuid        primary key,
    funder_id        uuid        not null,
    programme_id     uuid        not null,
    order_id         uuid        not null unique,
    invoice_number   text        not null unique,
    face_value_cents bigint      not null,
    fee_cents        bigint      not null,
    total_cents      bigint      not null,
    fee_rule_id      text        not null,
    invoiced_at      timestamptz not null,
    events_applied   int         not null
);
create index funder_invoice_view_funder on funder_invoice_view (funder_id, invoice_number);

create table credit_note_view (
    credit_note_id     uuid        primary key,
    funder_id          uuid        not null,
    programme_id       uuid        not null,
    credit_note_number text        not null unique,
    amount_cents       bigint      not null,
    voucher_count      int         not null,
    issued_at          timestamptz not null,
    events_applied     int         not null
);
create index credit_note_view_funder on credit_note_view (funder_id, credit_note_number);
