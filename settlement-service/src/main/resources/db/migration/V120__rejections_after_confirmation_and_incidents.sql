-- A rejection recorded after the payment was confirmed (settlement.payment-rejected.v1, afterConfirmation).
alter table payment_rejections add column after_confirmation boolean not null default false;

-- The statement's view shows gross (total_cents), what was clawed back and the net transfer.
alter table statement_view add column clawback_cents bigint not null default 0;
alter table statement_view add column paid_cents bigint;

-- Incidents against a place: write-side state kept in step with the incident's stream, in the transaction of
-- each of its events, so that payouts and debit-note runs can find and lock what a place owes.
create table incidents (
    incident_id       uuid        primary key,
    structure_id      uuid        not null,
    kind              text        not null check (kind in ('overpayment', 'fraud')),
    voucher_ids       text        not null, -- comma-separated, as opened
    amount_cents      bigint      not null check (amount_cents > 0),
    description       text        not null,
    status            text        not null check (status in ('OPEN', 'VALIDATED', 'DISMISSED')),
    opened_by         text        not null,
    opened_at         timestamptz not null,
    validated_at      timestamptz,
    dismissed_at      timestamptz,
    dismissal_reason  text,
    reserved_cents    bigint      not null default 0, -- planned on transfers not confirmed yet
    recovered_cents   bigint      not null default 0, -- clawed back from confirmed payouts
    debit_noted_cents bigint      not null default 0, -- claimed by debit note
    check (reserved_cents >= 0 and recovered_cents + debit_noted_cents + reserved_cents <= amount_cents)
);
create index incidents_structure on incidents (structure_id, opened_at);
create index incidents_outstanding on incidents (structure_id, validated_at) where status = 'VALIDATED';

-- A clawback planned on a statement's transfer (when instructed), applied when its payment is confirmed or
-- released when the bank rejects it first.
create table clawbacks (
    clawback_id  uuid        primary key,
    incident_id  uuid        not null references incidents (incident_id),
    statement_id uuid        not null,
    structure_id uuid        not null,
    amount_cents bigint      not null check (amount_cents > 0),
    planned_at   timestamptz not null,
    applied_at   timestamptz
);
create index clawbacks_statement on clawbacks (statement_id) where applied_at is null;
create index clawbacks_incident on clawbacks (incident_id);

-- The last confirmed payment to each place: no debit note while a place is being paid.
create table place_payouts (
    structure_id uuid        primary key,
    last_paid_at timestamptz not null
);

-- Debit notes, numbered per year without gaps (the year's counter row is locked by the run).
create table debit_note_counters (
    year        int    primary key,
    last_number bigint not null
);
create table debit_notes (
    debit_note_number text        primary key,
    incident_id       uuid        not null references incidents (incident_id),
    structure_id      uuid        not null,
    amount_cents      bigint      not null,
    issued_at         timestamptz not null
);
create index debit_notes_incident on debit_notes (incident_id);
