package org.passledger.settlement.recovery;

import java.time.Instant;
import java.util.UUID;

/** An incident as its stream tells it; outstanding = amount - recovered - debit-noted once validated. */
public record IncidentState(Status status, UUID structureId, long amountCents, long recoveredCents,
                            long debitNotedCents, Instant validatedAt) {

    public enum Status { NONE, OPEN, VALIDATED, DISMISSED }

    public static final IncidentState NONE = new IncidentState(Status.NONE, null, 0, 0, 0, null);

    public long outstandingCents() {
        return status == Status.VALIDATED ? amountCents - recoveredCents - debitNotedCents : 0;
    }
}
