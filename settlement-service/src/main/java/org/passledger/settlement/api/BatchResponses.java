package org.passledger.settlement.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passledger.settlement.application.PaymentBatches.Batch;

/** Request and response bodies of statement approval and payment batches. */
public final class BatchResponses {

    private BatchResponses() {
    }

    @Schema(name = "StatementApproval")
    public record ApprovalBody(UUID statementId, UUID structureId, @Schema(example = "2026-000042") String statementNumber,
                               @Schema(example = "3000") long totalCents, String approvedBy, Instant approvedAt) {
    }

    @Schema(name = "CreatePaymentBatch")
    public record CreateBatch(
            @NotNull @NotEmpty @Size(max = 1000) @Schema(description = "Approved, unpaid statements not in a batch yet")
            List<@NotNull UUID> statementIds,
            @Schema(description = "Requested execution date; today (Paris) by default", example = "2026-04-03")
            LocalDate requestedExecutionDate) {
    }

    @Schema(name = "PaymentBatchTransfer", description = "One transfer: a statement paid to its instructed account")
    public record TransferBody(UUID statementId, @Schema(example = "2026-000042") String statementNumber,
                               UUID structureId, UUID accountId, String iban, String bic, String holderName,
                               @Schema(example = "3000") long amountCents,
                               @Schema(description = "The bank rejected this transfer") boolean rejected) {
    }

    @Schema(name = "PaymentRejection")
    public record RejectionRequest(
            @jakarta.validation.constraints.NotBlank @Size(max = 500)
            @Schema(description = "The bank's reason", example = "AC04 closed account number") String reason) {
    }

    @Schema(name = "PaymentRejected", description = "The transfer is void: the amount is owed again, on the place's next verified account")
    public record RejectionBody(UUID rejectionId, UUID statementId, String statementNumber, UUID structureId,
                                @Schema(description = "The account now refused") UUID accountId,
                                @Schema(description = "Owed again", example = "3000") long amountCents, UUID batchId,
                                String reason, String rejectedBy, Instant rejectedAt,
                                @Schema(description = "The payment had been confirmed: its vouchers stay reimbursed, the amount is owed again")
                                boolean afterConfirmation) {
    }

    @Schema(name = "PaymentBatch", description = "A SEPA credit transfer file and its transfers")
    public record BatchBody(UUID batchId, @Schema(example = "PLB-20260402-1A2B3C4D5E6F7A8B") String messageId,
                            LocalDate requestedExecutionDate, int transactionCount,
                            @Schema(description = "Sum of the transfers, equal to the file's CtrlSum", example = "3000")
                            long controlSumCents, String createdBy, Instant createdAt, List<TransferBody> transfers) {
    }

    static BatchBody batch(Batch b) {
        return new BatchBody(b.batchId(), b.messageId(), b.executionDate(), b.transactionCount(), b.controlSumCents(),
                b.createdBy(), b.createdAt(), b.lines().stream().map(l -> new TransferBody(
                        l.instruction().statementId(), l.statementNumber(), l.instruction().structureId(),
                        l.instruction().accountId(), l.instruction().iban(), l.instruction().bic(),
                        l.instruction().holderName(), l.instruction().amountCents(), l.rejected())).toList());
    }
}
