package org.passledger.settlement.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.passledger.events.values.StatementLine;

/**
 * A statement as its stream tells it: its lines come from the StatementIssued event itself. {@code owedCents} is
 * what its next payment is worth before any clawback (the total, or what a rejected transfer left owed);
 * {@code paidCents} the amount of its current confirmed payment; {@code vouchersReimbursed} stays true once a
 * payment was confirmed, so a payment after a bank rejection never reimburses its vouchers again.
 */
public record StatementState(Status status, UUID runId, UUID structureId, String statementNumber, long totalCents,
                             List<StatementLine> lines, String bankReference, Instant paidAt,
                             Instant issuedAt, long owedCents, long paidCents, boolean vouchersReimbursed) {

    public enum Status { NONE, ISSUED, PAID }

    public static final StatementState NONE =
            new StatementState(Status.NONE, null, null, null, 0, List.of(), null, null, null, 0, 0, false);
}
