-- The months whose credit-note run has been done by the scheduler: one run per month (Europe/Paris), whichever
-- instance gets there first.
create table credit_note_months (
    month        text        primary key, -- 2026-07
    ran_at       timestamptz not null,
    credit_notes int         not null
);
