package org.passledger.settlement.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.passledger.events.values.StatementLine;

/** A statement as its stream tells it: its lines come from the StatementIssued event itself. */
public record StatementState(Status status, UUID runId, UUID structureId, String statementNumber, long totalCents,
                             List<StatementLine> lines, String bankReference, Instant paidAt,
                             Instant issuedAt) {

    public enum Status { NONE, ISSUED, PAID }

    public static final StatementState NONE =
            new StatementState(Status.NONE, null, null, null, 0, List.of(), null, null, null);
}
