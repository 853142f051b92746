-- A statement is approved once, by the operator, before it goes into a payment batch.
create table statement_approvals (
    statement_id     uuid        primary key,
    structure_id     uuid        not null,
    statement_number text        not null,
    total_cents      bigint      not null,
    approved_by      text        not null,
    approved_at      timestamptz not null
);

-- A SEPA credit transfer file (pain.001.001.03), kept as sent; its transactions are the payment instructions
-- carrying its batch id.
create table payment_batches (
    batch_id          uuid        primary key,
    message_id        text        not null unique,
    execution_date    date        not null,
    transaction_count int         not null,
    control_sum_cents bigint      not null,
    created_by        text        not null,
    created_at        timestamptz not null,
    document          text        not null
);
create index payment_instructions_batch on payment_instructions (batch_id);
