-- Write-side register of voucher codes, written in the order's own transaction: a code (by its SHA-256)
-- belongs to one voucher only, a typed code finds its voucher, and an order finds its vouchers to activate.
-- The clear codes are never stored.
create table voucher_codes (
    code_hash    text primary key,
    voucher_id   uuid not null unique,
    programme_id uuid not null,
    order_id     uuid not null
);
create index voucher_codes_order on voucher_codes (order_id);

-- Read model of programmes and the life of their vouchers (flows, in counts and face value).
-- A row may precede its programme.opened.v1 (opened = false) when another topic's event came first.
create table programme_view (
    programme_id      uuid primary key,
    funder_id         uuid,
    opened            boolean     not null,
    name              text,
    funder_name       text,
    funder_type       text,
    budget_cents      bigint      not null,
    face_value_cents  bigint,
    book_size         int         not null,
    territory         text,
    valid_until       date,
    accepted_until    date,
    orders_count      int         not null,
    committed_cents   bigint      not null,
    fees_cents        bigint      not null,
    funded_cents      bigint      not null,
    issued_count      bigint      not null,
    issued_cents      bigint      not null,
    activated_count   bigint      not null,
    activated_cents   bigint      not null,
    distributed_count bigint      not null,
    distributed_cents bigint      not null,
    redeemed_count    bigint      not null,
    redeemed_cents    bigint      not null,
    reimbursed_count  bigint      not null,
    reimbursed_cents  bigint      not null,
    events_applied    int         not null,
    updated_at        timestamptz not null
);
create index programme_view_funder on programme_view (funder_id);

-- Read model of each voucher's whole life, from the issuance, redemption and settlement topics.
-- Each stage keeps its own time; status is the furthest stage reached (UNKNOWN until the issuance arrives).
create table voucher_view (
    voucher_id       uuid primary key,
    code_hash        text unique,
    programme_id     uuid,
    funder_id        uuid,
    order_id         uuid,
    book_id          uuid,
    position_in_book int,
    face_value_cents bigint,
    valid_until      date,
    accepted_until   date,
    status           text        not null,
    issued_at        timestamptz,
    activated_at     timestamptz,
    distributed_at   timestamptz,
    distributed_to   uuid,
    cancelled_at     timestamptz,
    expired_at       timestamptz,
    redemption_id    uuid,
    redeemed_at      timestamptz,
    structure_id     uuid,
    reimbursed_at    timestamptz,
    events_applied   int         not null,
    updated_at       timestamptz not null
);
create index voucher_view_programme on voucher_view (programme_id, status);
