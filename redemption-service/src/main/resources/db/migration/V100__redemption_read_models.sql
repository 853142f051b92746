-- Eligibility of vouchers, fed by issuance.voucher-events.v1. The code itself is never stored: only its hash.
create table voucher_eligibility (
    voucher_id       uuid primary key,
    code_hash        text        not null unique,
    programme_id     uuid        not null,
    funder_id        uuid        not null,
    face_value_cents bigint      not null,
    territory        text[]      not null,
    allowed_services text[]      not null,
    valid_until      date        not null,
    accepted_until   date        not null,
    issued_at        timestamptz not null,
    activated_at     timestamptz,
    distributed_at   timestamptz,
    cancelled_at     timestamptz,
    expired_at       timestamptz,
    events_applied   int         not null,
    updated_at       timestamptz not null
);

-- Places and when their label was in force, fed by labelling.structure-events.v1.
create table structure_label (
    structure_id   uuid primary key,
    departement    text,
    events_applied int         not null,
    updated_at     timestamptz not null
);

-- Convention periods (granted or renewed), validFrom..validUntil inclusive, Europe/Paris calendar days;
-- ended_at is set when a revocation cut the period short.
create table structure_label_period (
    structure_id uuid not null,
    ordinal      int  not null,
    valid_from   date not null,
    valid_until  date not null,
    ended_at     timestamptz,
    primary key (structure_id, ordinal)
);

-- Suspensions: from suspended_at (inclusive) to reinstated_at (exclusive), open while not reinstated.
create table structure_label_suspension (
    structure_id  uuid        not null,
    ordinal       int         not null,
    suspended_at  timestamptz not null,
    reinstated_at timestamptz,
    primary key (structure_id, ordinal)
);

-- This service's own redemptions, fed by redemption.redemption-events.v1.
create table redemption_view (
    redemption_id     uuid primary key,
    voucher_id        uuid        not null,
    structure_id      uuid        not null,
    programme_id      uuid        not null,
    funder_id         uuid        not null,
    departement       text        not null,
    service           text        not null,
    face_value_cents  bigint      not null,
    session_reference text,
    staff_member      text,
    redeemed_at       timestamptz not null,
    reversed          boolean     not null,
    reversed_at       timestamptz,
    events_applied    int         not null,
    updated_at        timestamptz not null
);
create index redemption_view_structure on redemption_view (structure_id, redeemed_at desc);
create index redemption_view_voucher on redemption_view (voucher_id);
