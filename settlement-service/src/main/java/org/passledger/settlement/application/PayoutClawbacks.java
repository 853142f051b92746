package org.passledger.settlement.application;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.kernel.store.EventMetadata;

/**
 * What a payout to a place deducts for the place's validated incidents. Planned when the transfer is instructed
 * (so the SEPA file carries the net amount), applied when the payment is confirmed, released when the bank
 * rejects the transfer before confirmation.
 */
public interface PayoutClawbacks {

    /** Reserves clawbacks for the statement (oldest incident first, up to {@code owedCents}); answers their sum. */
    Uni<Long> plan(Mutiny.Session session, UUID statementId, UUID structureId, long owedCents);

    /** The sum of the clawbacks planned and not applied yet for the statement. */
    Uni<Long> planned(Mutiny.Session session, UUID statementId);

    /** Appends the planned clawbacks of the statement, whose payment is confirmed in this transaction. */
    Uni<Void> apply(Mutiny.Session session, UUID statementId, UUID structureId, Instant paidAt,
                    EventMetadata metadata);

    /** Drops the planned clawbacks of a transfer the bank rejected before confirmation. */
    Uni<Void> release(Mutiny.Session session, UUID statementId);
}
