package org.passledger.settlement.ledger.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the ledger's read endpoints. Balances are debit minus credit: negative means credit-balanced. */
public final class LedgerResponses {

    private LedgerResponses() {
    }

    @Schema(description = "One account's totals in the trial balance")
    public record AccountBalance(
            @Schema(example = "funder:6f1c2a34-0b7e-4a52-9d0e-1c3b5a7d9e21") String account,
            @Schema(description = "DEBIT for assets (funder, bank, place-receivable, debit-notes), CREDIT otherwise",
                    example = "DEBIT") String normalSide,
            @Schema(example = "1248000") long debitCents,
            @Schema(example = "1200000") long creditCents,
            @Schema(description = "debitCents - creditCents", example = "48000") long balanceCents) {
    }

    @Schema(description = "Every account's totals over the entries booked before `before`; the grand totals are equal")
    public record TrialBalance(
            @Schema(description = "Entries booked strictly before this instant (null: all)",
                    example = "2026-03-31T22:00:00Z") Instant before,
            List<AccountBalance> accounts,
            @Schema(example = "2496000") long totalDebitCents,
            @Schema(example = "2496000") long totalCreditCents) {
    }

    @Schema(description = "One entry's movement on the account, with the account's balance after it")
    public record StatementEntry(
            UUID entryId,
            @Schema(description = "The event the entry books") UUID sourceEventId,
            @Schema(example = "settlement.funder-invoiced.v1") String sourceType,
            Instant bookedAt,
            String description,
            @Schema(example = "1248000") long debitCents,
            @Schema(example = "0") long creditCents,
            @Schema(description = "Running balance (debit - credit) after this entry", example = "1248000")
            long balanceCents) {
    }

    @Schema(description = "An account's entries booked in [from, to), with the balance before and after")
    public record AccountStatement(
            @Schema(example = "place:0b9d4c52-7a1e-4f3a-8c6d-2e5f7a9b1c3d") String account,
            @Schema(example = "CREDIT") String normalSide,
            @Schema(description = "Inclusive start (null: the beginning)") Instant from,
            @Schema(description = "Exclusive end (null: now)") Instant to,
            @Schema(example = "0") long openingBalanceCents,
            List<StatementEntry> entries,
            @Schema(example = "1248000") long totalDebitCents,
            @Schema(example = "0") long totalCreditCents,
            @Schema(example = "1248000") long closingBalanceCents) {
    }
}
