-- Transfers the bank rejected before the payment was confirmed: the instruction as it was, moved out of
-- payment_instructions so the statement can be instructed again on the place's next verified account.
create table payment_rejections (
    rejection_id uuid        primary key,
    statement_id uuid        not null,
    structure_id uuid        not null,
    account_id   uuid        not null references payout_accounts (account_id),
    iban         text        not null,
    bic          text        not null,
    holder_name  text        not null,
    amount_cents bigint      not null,
    batch_id     uuid,
    instructed_at timestamptz not null,
    reason       text        not null,
    rejected_by  text        not null,
    rejected_at  timestamptz not null
);
create index payment_rejections_statement on payment_rejections (statement_id);
create index payment_rejections_batch on payment_rejections (batch_id);

-- A reversal that arrives once the redemption is on a statement: the statement is not changed (that needs events
-- shared-events does not have yet), the case is flagged for the operator.
alter table payable_redemption add column reversed_after_claim boolean not null default false;
create index payable_redemption_flagged on payable_redemption (structure_id) where reversed_after_claim;
