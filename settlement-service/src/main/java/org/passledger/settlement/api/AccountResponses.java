package org.passledger.settlement.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passledger.settlement.application.PaymentInstructions.Instruction;
import org.passledger.settlement.application.PayoutAccounts.AccountRecord;
import org.passledger.settlement.domain.PayoutAccount;

/** Response bodies about payout accounts, payment instructions and holding-period waivers. */
public final class AccountResponses {

    private AccountResponses() {
    }

    @Schema(name = "PayoutAccountStatusChange")
    public record HistoryBody(@Schema(enumeration = {"PENDING", "VERIFIED", "REFUSED", "CLOSED"}) String status,
                              Instant changedAt, @Schema(example = "operator:operator-1") String actor,
                              String reason) {
    }

    @Schema(name = "PayoutAccount", description = "A place's payout account and the statuses it went through")
    public record AccountBody(UUID accountId, UUID structureId,
                              @Schema(example = "FR7630006000011234567890189") String iban,
                              @Schema(example = "AGRIFRPPXXX") String bic, String holderName,
                              @Schema(enumeration = {"PENDING", "VERIFIED", "REFUSED", "CLOSED"}) String status,
                              Instant registeredAt, Instant updatedAt, List<HistoryBody> history) {
    }

    @Schema(name = "PaymentInstruction", description = "What a statement is paid to, copied from the account when instructed")
    public record InstructionBody(UUID statementId, UUID structureId, UUID accountId, String iban, String bic,
                                  String holderName, @Schema(example = "3000") long amountCents, UUID batchId,
                                  Instant createdAt) {
    }

    @Schema(name = "HoldingWaiverRecord", description = "The operator's waiver of the holding period for a place")
    public record WaiverBody(UUID waiverId, UUID structureId, String reason, String waivedBy, Instant waivedAt,
                             String revokedBy, Instant revokedAt) {
    }

    static AccountBody account(AccountRecord record) {
        PayoutAccount a = record.account();
        return new AccountBody(a.accountId(), a.structureId(), a.iban().value(), a.bic(), a.holderName(),
                a.status().name(), a.registeredAt(), record.updatedAt(), record.history().stream()
                .map(h -> new HistoryBody(h.status().name(), h.changedAt(), h.actor(), h.reason())).toList());
    }

    static InstructionBody instruction(Instruction i) {
        return new InstructionBody(i.statementId(), i.structureId(), i.accountId(), i.iban(), i.bic(),
                i.holderName(), i.amountCents(), i.batchId(), i.createdAt());
    }
}
