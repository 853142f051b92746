-- Payout accounts: write-side state, changed in the transaction of the command that changes them.
-- An account never changes its IBAN: a new IBAN is a new account (pending again) and the old one is closed.
create table payout_accounts (
    account_id    uuid        primary key,
    structure_id  uuid        not null,
    iban          text        not null,
    bic           text        not null,
    holder_name   text        not null,
    status        text        not null check (status in ('PENDING', 'VERIFIED', 'REFUSED', 'CLOSED')),
    registered_at timestamptz not null,
    updated_at    timestamptz not null
);
-- at most one account a place stands by (pending or verified) at any time
create unique index payout_accounts_open on payout_accounts (structure_id) where status in ('PENDING', 'VERIFIED');
create index payout_accounts_structure on payout_accounts (structure_id, registered_at);

-- Every status an account went through, who set it and why.
create table payout_account_history (
    entry_id   bigserial   primary key,
    account_id uuid        not null references payout_accounts (account_id),
    status     text        not null,
    changed_at timestamptz not null,
    actor      text        not null,
    reason     text
);
create index payout_account_history_account on payout_account_history (account_id, entry_id);

-- What a statement was (or is to be) paid to: copied from the account when the payment is instructed, so that
-- a later change of the place's account never alters a past payment.
create table payment_instructions (
    statement_id uuid        primary key,
    structure_id uuid        not null,
    account_id   uuid        not null references payout_accounts (account_id),
    iban         text        not null,
    bic          text        not null,
    holder_name  text        not null,
    amount_cents bigint      not null,
    batch_id     uuid,
    created_at   timestamptz not null
);

-- The operator's waivers of the holding period, per place; a revoked waiver stays on record.
create table holding_waivers (
    waiver_id    uuid        primary key,
    structure_id uuid        not null,
    reason       text        not null,
    waived_by    text        not null,
    waived_at    timestamptz not null,
    revoked_by   text,
    revoked_at   timestamptz
);
create unique index holding_waivers_active on holding_waivers (structure_id) where revoked_at is null;

-- The latest redemption time a run found payable (its opening time less the holding period).
alter table settlement_runs add column payable_until timestamptz;
