package org.passledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.passledger.events.values.StatementLine;

/**
 * Reimbursement of structures and invoicing of funders. Topic {@link Topics#SETTLEMENTS}. The topic carries
 * several aggregates (run, statement, reimbursed voucher, invoice, credit note), so each record names its
 * own subject instead of the stream declaring one.
 */
public sealed interface SettlementEvent extends LedgerEvent
        permits SettlementEvent.SettlementRunOpened,
                SettlementEvent.StatementIssued,
                SettlementEvent.PaymentConfirmed,
                SettlementEvent.VoucherReimbursed,
                SettlementEvent.FunderInvoiced,
                SettlementEvent.CreditNoteIssued {

    /** A monthly run over the redemptions whose time falls in [periodStart, periodEnd). Subject: runId. */
    @EventType("settlement.run-opened.v1")
    record SettlementRunOpened(
            UUID runId,
            String runName,
            Instant periodStart,
            Instant periodEnd,
            Instant openedAt) implements SettlementEvent {

        public SettlementRunOpened {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(runName, "runName");
            Objects.requireNonNull(periodStart, "periodStart");
            Objects.requireNonNull(periodEnd, "periodEnd");
            Objects.requireNonNull(openedAt, "openedAt");
        }

        @JsonIgnore
        @Override
        public String subject() {
            return runId.toString();
        }
    }

    /** What one structure is owed for a run; totalCents is the sum of the lines. Subject: statementId. */
    @EventType("settlement.statement-issued.v1")
    record StatementIssued(
            UUID statementId,
            UUID runId,
            UUID structureId,
            String statementNumber,
            long totalCents,
            List<StatementLine> lines,
            Instant issuedAt) implements SettlementEvent {

        public StatementIssued {
            Objects.requireNonNull(statementId, "statementId");
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(statementNumber, "statementNumber");
            Require.nonNegative(totalCents, "totalCents");
            lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
            Objects.requireNonNull(issuedAt, "issuedAt");
        }

        @JsonIgnore
        @Override
        public String subject() {
            return statementId.toString();
        }
    }

    /** The bank transfer to the structure went out. Subject: statementId. */
    @EventType("settlement.payment-confirmed.v1")
    record PaymentConfirmed(
            UUID statementId,
            UUID runId,
            UUID structureId,
            long amountCents,
            String bankReference,
            Instant confirmedAt) implements SettlementEvent {

        public PaymentConfirmed {
            Objects.requireNonNull(statementId, "statementId");
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(structureId, "structureId");
            Require.nonNegative(amountCents, "amountCents");
            Objects.requireNonNull(bankReference, "bankReference");
            Objects.requireNonNull(confirmedAt, "confirmedAt");
        }

        @JsonIgnore
        @Override
        public String subject() {
            return statementId.toString();
        }
    }

    /** The last step of a voucher's life. Subject: voucherId, like the voucher's other events. */
    @EventType("voucher.reimbursed.v1")
    record VoucherReimbursed(
            UUID voucherId,
            UUID redemptionId,
            UUID statementId,
            UUID structureId,
            UUID programmeId,
            UUID funderId,
            long amountCents,
            Instant reimbursedAt) implements SettlementEvent {

        public VoucherReimbursed {
            Objects.requireNonNull(voucherId, "voucherId");
            Objects.requireNonNull(redemptionId, "redemptionId");
            Objects.requireNonNull(statementId, "statementId");
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(funderId, "funderId");
            Require.nonNegative(amountCents, "amountCents");
            Objects.requireNonNull(reimbursedAt, "reimbursedAt");
        }

        @JsonIgnore
        @Override
        public String subject() {
            return voucherId.toString();
        }
    }

    /** Face value of an order plus the operator's fee (before tax). Subject: invoiceId. */
    @EventType("settlement.funder-invoiced.v1")
    record FunderInvoiced(
            UUID invoiceId,
            UUID funderId,
            UUID programmeId,
            UUID orderId,
            String invoiceNumber,
            long faceValueCents,
            long feeCents,
            long totalCents, // faceValueCents + feeCents
            String feeRuleId, // the fee rule applied, so the amount can be recomputed
            Instant invoicedAt) implements SettlementEvent {

        public FunderInvoiced {
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(funderId, "funderId");
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(invoiceNumber, "invoiceNumber");
            Require.nonNegative(faceValueCents, "faceValueCents");
            Require.nonNegative(feeCents, "feeCents");
            Require.nonNegative(totalCents, "totalCents");
            Objects.requireNonNull(feeRuleId, "feeRuleId");
            Objects.requireNonNull(invoicedAt, "invoicedAt");
        }

        @JsonIgnore
        @Override
        public String subject() {
            return invoiceId.toString();
        }
    }

    /** Unused (expired or cancelled) vouchers refunded to the funder at face value. Subject: creditNoteId. */
    @EventType("settlement.credit-note-issued.v1")
    record CreditNoteIssued(
            UUID creditNoteId,
            UUID funderId,
            UUID programmeId,
            String creditNoteNumber,
            long amountCents,
            List<UUID> voucherIds,
            Instant issuedAt) implements SettlementEvent {

        public CreditNoteIssued {
            Objects.requireNonNull(creditNoteId, "creditNoteId");
            Objects.requireNonNull(funderId, "funderId");
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(creditNoteNumber, "creditNoteNumber");
            Require.nonNegative(amountCents, "amountCents");
            voucherIds = List.copyOf(Objects.requireNonNull(voucherIds, "voucherIds"));
            Objects.requireNonNull(issuedAt, "issuedAt");
        }

        @JsonIgnore
        @Override
        public String subject() {
            return creditNoteId.toString();
        }
    }
}
