package org.passledger.redemption.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventCatalog;
import org.passledger.events.EventEnvelope;
import org.passledger.events.VoucherEvent;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherExpired;
import org.passledger.kernel.projection.ProjectionRunner;
import org.passledger.redemption.projection.VoucherEligibilityProjection.Change;

/**
 * The facts a counter waits for, ahead of the queue. The voucher topic is applied to {@link VoucherEligibility}
 * in order by {@link VoucherEventsConsumer}; behind a large order (hundreds of thousands of issued vouchers) a
 * hand-out published just after it would wait for the whole order. This second consumer of the same topic, in a
 * group of its own, skips by its type header every record it does not carry, and writes the four lifecycle
 * instants of vouchers already known (activated, handed out, cancelled, expired) with one statement per poll
 * batch, each only where it is still empty.
 *
 * <p>It never replaces the ordered consumer, which remains the read model's owner (inbox, rebuild, dead
 * letters, every other field): an instant set here is the one the ordered consumer sets when it reaches the
 * same event, so each column only ever goes from empty to its final value, whichever lane writes first. A
 * fact of a voucher not yet known changes nothing here and arrives in order. A batch that cannot be written
 * is retried, then left to the ordered consumer (a delay, never a loss). See docs/adr/0009.
 */
@ApplicationScoped
public class VoucherFactsFastLane {

    private static final Logger LOG = Logger.getLogger(VoucherFactsFastLane.class);
    private static final Set<String> CARRIED = Set.of(
            EventCatalog.typeOf(VoucherActivated.class), EventCatalog.typeOf(VoucherDistributed.class),
            EventCatalog.typeOf(VoucherCancelled.class), EventCatalog.typeOf(VoucherExpired.class));

    // Arrays travel as text[] (what the client binds a String[] to), cast on the server. Rows taken in
    // voucher id order. A deadlock with the ordered consumer's batch (which may hold some of
    // the same rows) is detected by PostgreSQL and retried like any failed batch.
    private static final String APPLY = """
            update voucher_eligibility v set
                activated_at = coalesce(v.activated_at, f.activated_at),
                distributed_at = coalesce(v.distributed_at, f.distributed_at),
                cancelled_at = coalesce(v.cancelled_at, f.cancelled_at),
                expired_at = coalesce(v.expired_at, f.expired_at)
            from (select * from unnest(cast(cast(:ids as text[]) as uuid[]),
                                       cast(cast(:activated as text[]) as timestamptz[]),
                                       cast(cast(:distributed as text[]) as timestamptz[]),
                                       cast(cast(:cancelled as text[]) as timestamptz[]),
                                       cast(cast(:expired as text[]) as timestamptz[]))
                         as t(voucher_id, activated_at, distributed_at, cancelled_at, expired_at)
                  order by voucher_id) f
            where v.voucher_id = f.voucher_id
              and ((v.activated_at is null and f.activated_at is not null)
                or (v.distributed_at is null and f.distributed_at is not null)
                or (v.cancelled_at is null and f.cancelled_at is not null)
                or (v.expired_at is null and f.expired_at is not null))""";

    private final Mutiny.SessionFactory sessions;

    public VoucherFactsFastLane(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Incoming(Channels.VOUCHER_FACTS)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        Map<UUID, Change> facts = carried(records);
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sessions.withTransaction((session, tx) -> write(session, facts))
                .onFailure().retry().withBackOff(Duration.ofMillis(50), Duration.ofMillis(500)).atMost(3)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("%d voucher facts left to the ordered consumer: %s", facts.size(), failure.toString());
                    return null;
                })
                .replaceWithVoid();
    }

    /** The carried facts of the batch, by voucher; a record that does not decode is the ordered consumer's. */
    static Map<UUID, Change> carried(ConsumerRecords<String, String> records) {
        Map<UUID, Change> facts = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            Header type = record.headers().lastHeader(CloudEvents.TYPE);
            if (type == null || !CARRIED.contains(new String(type.value(), StandardCharsets.UTF_8))) {
                continue; // most of a large order: an issue, skipped without reading its payload
            }
            EventEnvelope envelope;
            try {
                envelope = ProjectionRunner.decode(record);
            } catch (RuntimeException poison) {
                continue; // dead-lettered by the ordered consumer, with the reason
            }
            // the ordered consumer's own fold: the first instant of each fact, so both lanes write the same one
            facts.computeIfAbsent(UUID.fromString(envelope.subject()), Change::new)
                    .apply((VoucherEvent) envelope.data());
        }
        return facts;
    }

    private static Uni<Integer> write(Mutiny.Session session, Map<UUID, Change> facts) {
        int size = facts.size();
        String[] ids = new String[size];
        String[] activated = new String[size];
        String[] distributed = new String[size];
        String[] cancelled = new String[size];
        String[] expired = new String[size];
        int i = 0;
        for (Map.Entry<UUID, Change> fact : facts.entrySet()) {
            ids[i] = fact.getKey().toString();
            activated[i] = text(fact.getValue().activated);
            distributed[i] = text(fact.getValue().distributed);
            cancelled[i] = text(fact.getValue().cancelled);
            expired[i] = text(fact.getValue().expired);
            i++;
        }
        return session.createNativeQuery(APPLY)
                .setParameter("ids", ids)
                .setParameter("activated", activated)
                .setParameter("distributed", distributed)
                .setParameter("cancelled", cancelled)
                .setParameter("expired", expired)
                .executeUpdate();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
