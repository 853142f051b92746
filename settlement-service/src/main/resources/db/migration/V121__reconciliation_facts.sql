-- Facts of every service's events, for the reconciliation report and the agency's totals. Events of one
-- voucher come from several topics in any order, so each row is upserted and judged only when queried.

create table recon_programme (
    programme_id     uuid primary key,
    funder_id        uuid,
    name             text,
    budget_cents     bigint,
    face_value_cents bigint,
    ordered_count    bigint not null default 0,
    ordered_cents    bigint not null default 0,
    released_cents   bigint not null default 0, -- cancelled books
    funded_cents     bigint not null default 0,
    events_applied   int    not null default 0
);

create table recon_voucher (
    voucher_id       uuid primary key,
    programme_id     uuid,
    funder_id        uuid,
    face_value_cents bigint,
    issued_at        timestamptz,
    activated_at     timestamptz,
    distributed_at   timestamptz,
    expired_at       timestamptz,
    cancelled_at     timestamptz,
    events_applied   int not null default 0
);
create index recon_voucher_programme on recon_voucher (programme_id);

create table recon_redemption (
    redemption_id    uuid        primary key,
    voucher_id       uuid        not null,
    programme_id     uuid        not null,
    structure_id     uuid        not null,
    departement      text        not null,
    face_value_cents bigint      not null,
    redeemed_at      timestamptz not null,
    reversed_at      timestamptz,
    events_applied   int         not null default 0
);
create index recon_redemption_voucher on recon_redemption (voucher_id);
create index recon_redemption_programme on recon_redemption (programme_id);
create index recon_redemption_time on recon_redemption (redeemed_at);

-- One row per voucher.reimbursed.v1 event: a voucher reimbursed twice shows as two rows.
create table recon_reimbursement (
    event_id      uuid        primary key,
    voucher_id    uuid        not null,
    redemption_id uuid        not null,
    statement_id  uuid        not null,
    structure_id  uuid        not null,
    programme_id  uuid        not null,
    amount_cents  bigint      not null,
    reimbursed_at timestamptz not null
);
create index recon_reimbursement_voucher on recon_reimbursement (voucher_id);
create index recon_reimbursement_programme on recon_reimbursement (programme_id);
