package org.passledger.redemption.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Finds a redemption in this service's event store, not in a read model: a command about a redemption (its
 * reversal) must work the moment the redemption was answered, before the event has come back from Kafka.
 * The partial index {@code events_redemption_id} (V102) makes it one index look-up.
 */
@ApplicationScoped
public class RedeemedEvents {

    /** Where a redemption was recorded: the voucher's stream, and the place that redeemed. */
    public record Redeemed(UUID voucherId, UUID structureId) {
    }

    /** The redemption with this id, or null when none was ever recorded. */
    public Uni<Redeemed> find(Mutiny.Session session, UUID redemptionId) {
        return session.createNativeQuery("""
                        select stream_id, payload->>'structureId' from events
                        where type = 'voucher.redeemed.v1' and payload->>'redemptionId' = :redemptionId""",
                        Object[].class)
                .setParameter("redemptionId", redemptionId.toString())
                .getSingleResultOrNull()
                .map(row -> row == null ? null
                        : new Redeemed(UUID.fromString((String) row[0]), UUID.fromString((String) row[1])));
    }
}
