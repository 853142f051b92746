package org.passledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
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
                SettlementEvent.SettlementRunOpenedV2,
                SettlementEvent.StatementIssued,
                SettlementEvent.PaymentConfirmed,
                SettlementEvent.VoucherReimbursed,
                SettlementEvent.FunderInvoiced,
                SettlementEvent.CreditNoteIssued,
                SettlementEvent.FeeRulePublished,
                SettlementEvent.PaymentRejected,
                SettlementEvent.IncidentOpened,
                SettlementEvent.IncidentValidated,
                SettlementEvent.IncidentDismissed,
                SettlementEvent.ClawbackApplied,
                SettlementEvent.DebitNoteIssued {

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

    /**
     * A run opened over the redemptions whose time falls in [periodStart, periodEnd), saying whether settlement had
     * applied every record of the redemption topic that was on it when the run was made: when not, redemptions
     * of the period may have been left out, and the operator may run the period again once caught up.
     * {@code redemptionsBehind} is the number of those records not yet applied (0 when complete), null when the
     * broker or the database could not tell (then not complete). Replaces v1, which stays readable. Subject: runId.
     */
    @EventType("settlement.run-opened.v2")
    record SettlementRunOpenedV2(
            UUID runId,
            String runName,
            Instant periodStart,
            Instant periodEnd,
            Instant openedAt,
            boolean redemptionsComplete,
            Long redemptionsBehind) implements SettlementEvent {

        public SettlementRunOpenedV2 {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(runName, "runName");
            Objects.requireNonNull(periodStart, "periodStart");
            Objects.requireNonNull(periodEnd, "periodEnd");
            Objects.requireNonNull(openedAt, "openedAt");
            if (redemptionsBehind != null) {
                Require.nonNegative(redemptionsBehind, "redemptionsBehind");
            }
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

    /**
     * A version of the operator's fee on orders, a rate of the face value valid from a day (Europe/Paris).
     * Published rules never change: a new rate is a new rule. Subject: feeRuleId.
     */
    @EventType("settlement.fee-rule-published.v1")
    record FeeRulePublished(
            String feeRuleId,
            UUID programmeId, // null: the scheme-wide default
            int rateBasisPoints, // 400 = 4 %
            LocalDate validFrom,
            LocalDate validUntil, // null: open-ended; inclusive otherwise
            Instant publishedAt) implements SettlementEvent {

        public FeeRulePublished {
            Objects.requireNonNull(feeRuleId, "feeRuleId");
            Require.between(rateBasisPoints, 0, 10_000, "rateBasisPoints");
            Objects.requireNonNull(validFrom, "validFrom");
            if (validUntil != null && validUntil.isBefore(validFrom)) {
                throw new IllegalArgumentException("validUntil is before validFrom");
            }
            Objects.requireNonNull(publishedAt, "publishedAt");
        }

        @JsonIgnore
        @Override
        public String subject() {
            return feeRuleId;
        }
    }

    /** The bank rejected a statement's transfer, before or after its payment was confirmed. Subject: statementId. */
    @EventType("settlement.payment-rejected.v1")
    record PaymentRejected(
            UUID statementId,
            UUID structureId,
            UUID accountId,
            long amountCents,
            boolean afterConfirmation, // the vouchers were reimbursed already: the place is owed the amount again
            String reason,
            Instant rejectedAt) implements SettlementEvent {

        public PaymentRejected {
            Objects.requireNonNull(statementId, "statementId");
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(accountId, "accountId");
            Require.nonNegative(amountCents, "amountCents");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rejectedAt, "rejectedAt");
        }

        @JsonIgnore
        @Override
        public String subject() {
            return statementId.toString();
        }
    }

    /** An overpayment or a proven fraud on vouchers already reimbursed to a place. Subject: incidentId. */
    @EventType("settlement.incident-opened.v1")
    record IncidentOpened(
            UUID incidentId,
            UUID structureId,
            String kind, // overpayment, fraud
            List<UUID> voucherIds,
            long amountCents,
            String description,
            Instant openedAt) implements SettlementEvent {

        public IncidentOpened {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(kind, "kind");
            voucherIds = List.copyOf(Objects.requireNonNull(voucherIds, "voucherIds"));
            Require.nonNegative(amountCents, "amountCents");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(openedAt, "openedAt");
        }

        @JsonIgnore
        @Override
        public String subject() {
            return incidentId.toString();
        }
    }

    /** The place owes the incident's amount, recovered from its next payouts or by a debit note. */
    @EventType("settlement.incident-validated.v1")
    record IncidentValidated(
            UUID incidentId,
            UUID structureId,
            long amountCents,
            Instant validatedAt) implements SettlementEvent {

        public IncidentValidated {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(structureId, "structureId");
            Require.nonNegative(amountCents, "amountCents");
            Objects.requireNonNull(validatedAt, "validatedAt");
        }

        @JsonIgnore
        @Override
        public String subject() {
            return incidentId.toString();
        }
    }

    /** The incident was dismissed: nothing is owed. Subject: incidentId. */
    @EventType("settlement.incident-dismissed.v1")
    record IncidentDismissed(
            UUID incidentId,
            UUID structureId,
            String reason,
            Instant dismissedAt) implements SettlementEvent {

        public IncidentDismissed {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(dismissedAt, "dismissedAt");
        }

        @JsonIgnore
        @Override
        public String subject() {
            return incidentId.toString();
        }
    }

    /** Part of a validated incident deducted from a payout to the same place. Subject: incidentId. */
    @EventType("settlement.clawback-applied.v1")
    record ClawbackApplied(
            UUID incidentId,
            UUID structureId,
            UUID statementId,
            long amountCents,
            Instant appliedAt) implements SettlementEvent {

        public ClawbackApplied {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(statementId, "statementId");
            Require.nonNegative(amountCents, "amountCents");
            Objects.requireNonNull(appliedAt, "appliedAt");
        }

        @JsonIgnore
        @Override
        public String subject() {
            return incidentId.toString();
        }
    }

    /** What is still owed on an incident after 90 days without payouts, claimed from the place. */
    @EventType("settlement.debit-note-issued.v1")
    record DebitNoteIssued(
            UUID incidentId,
            UUID structureId,
            String debitNoteNumber,
            long amountCents,
            Instant issuedAt) implements SettlementEvent {

        public DebitNoteIssued {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(debitNoteNumber, "debitNoteNumber");
            Require.nonNegative(amountCents, "amountCents");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }

        @JsonIgnore
        @Override
        public String subject() {
            return incidentId.toString();
        }
    }
}
