package org.passledger.redemption.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.EventJson;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherExpired;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.passledger.events.VoucherEvent.VoucherValidityExtended;
import org.passledger.kernel.projection.SetBasedProjection;

/**
 * Keeps {@link VoucherEligibility} up to date from the issuance topic, a chunk of events at a time: the chunk is
 * folded in memory into one change per voucher, then written with one insert (vouchers issued in the chunk) and
 * one update (the others). The four lifecycle instants are only ever set where empty, so this and
 * {@link VoucherFactsFastLane}, which may have set one first, agree whatever their order.
 */
@ApplicationScoped
public class VoucherEligibilityProjection implements SetBasedProjection {

    public static final String NAME = "redemption.voucher-eligibility";

    private static final String ROW = """
            voucher_id uuid, code_hash text, programme_id uuid, funder_id uuid, face_value_cents bigint,
            territory text[], allowed_services text[], valid_until date, accepted_until date, issued_at timestamptz,
            activated_at timestamptz, distributed_at timestamptz, cancelled_at timestamptz, expired_at timestamptz,
            events int, updated_at timestamptz""";

    private static final String INSERT_ISSUED = """
            insert into voucher_eligibility (voucher_id, code_hash, programme_id, funder_id, face_value_cents,
                territory, allowed_services, valid_until, accepted_until, issued_at, activated_at, distributed_at,
                cancelled_at, expired_at, events_applied, updated_at)
            select voucher_id, code_hash, programme_id, funder_id, face_value_cents, territory, allowed_services,
                   valid_until, accepted_until, issued_at, activated_at, distributed_at, cancelled_at, expired_at,
                   events, updated_at
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(""" + ROW + ")";

    private static final String UPDATE_KNOWN = """
            with changed as (
                update voucher_eligibility v set
                    activated_at = coalesce(v.activated_at, r.activated_at),
                    distributed_at = coalesce(v.distributed_at, r.distributed_at),
                    cancelled_at = coalesce(v.cancelled_at, r.cancelled_at),
                    expired_at = coalesce(v.expired_at, r.expired_at),
                    valid_until = coalesce(r.valid_until, v.valid_until),
                    accepted_until = coalesce(r.accepted_until, v.accepted_until),
                    events_applied = v.events_applied + r.events,
                    updated_at = r.updated_at
                from (select * from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(""" + ROW + """
                      ) order by voucher_id) r
                where v.voucher_id = r.voucher_id
                returning v.voucher_id)
            select cast(voucher_id as text) from changed""";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.VOUCHERS);
    }

    @Override
    public Uni<Void> applyChunk(Mutiny.Session session, List<EventEnvelope> events) {
        Map<UUID, Change> changes = fold(events);
        List<Change> issued = changes.values().stream().filter(c -> c.issued != null).toList();
        List<Change> known = changes.values().stream().filter(c -> c.issued == null).toList();
        Uni<Void> inserted = issued.isEmpty() ? Uni.createFrom().voidItem()
                : session.createNativeQuery(INSERT_ISSUED).setParameter("rows", rows(issued)).executeUpdate()
                        .replaceWithVoid();
        return inserted.chain(() -> known.isEmpty() ? Uni.createFrom().voidItem()
                : session.createNativeQuery(UPDATE_KNOWN, String.class).setParameter("rows", rows(known))
                        .getResultList()
                        .invoke(updated -> {
                            Set<String> found = new HashSet<>(updated);
                            for (Change change : known) {
                                if (!found.contains(change.voucherId.toString())) {
                                    // the issuance topic is keyed by voucher id, so "issued" always comes first:
                                    // this is a fault, and the event goes to the dead-letter topic
                                    throw new IllegalStateException("voucher event for unknown voucher "
                                            + change.voucherId);
                                }
                            }
                        })
                        .replaceWithVoid());
    }

    /** One change per voucher, in the order of the chunk; every voucher event counts as applied. */
    static Map<UUID, Change> fold(List<EventEnvelope> events) {
        Map<UUID, Change> changes = new LinkedHashMap<>();
        for (EventEnvelope envelope : events) {
            if (!(envelope.data() instanceof VoucherEvent event)) {
                continue;
            }
            UUID voucherId = UUID.fromString(event.subject());
            Change change = changes.get(voucherId);
            if (event instanceof VoucherIssued issued) {
                if (change != null) {
                    // an event of this voucher came before its issue in the chunk: not applicable in that order
                    throw new IllegalStateException("voucher event for unknown voucher " + voucherId);
                }
                change = new Change(voucherId);
                change.issued = issued;
                changes.put(voucherId, change);
            } else if (change == null) {
                change = new Change(voucherId);
                changes.put(voucherId, change);
            }
            change.apply(event);
            change.events++;
            change.updatedAt = envelope.time();
        }
        return changes;
    }

    private static String rows(List<Change> changes) {
        List<Map<String, Object>> rows = new ArrayList<>(changes.size());
        for (Change change : changes) {
            rows.add(change.row());
        }
        try {
            return EventJson.mapper().writeValueAsString(rows);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("rows of strings and numbers always serialise", e);
        }
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from voucher_eligibility").executeUpdate().replaceWithVoid();
    }

    /** What a chunk does to one voucher: its issue if the chunk has it, the first instant of each fact. */
    static final class Change {
        final UUID voucherId;
        VoucherIssued issued;
        Instant activated;
        Instant distributed;
        Instant cancelled;
        Instant expired;
        LocalDate validUntil;
        LocalDate acceptedUntil;
        int events;
        Instant updatedAt;

        Change(UUID voucherId) {
            this.voucherId = voucherId;
        }

        void apply(VoucherEvent event) {
            if (event instanceof VoucherIssued issued) {
                validUntil = issued.validUntil();
                acceptedUntil = issued.acceptedUntil();
            } else if (event instanceof VoucherActivated e) {
                activated = activated != null ? activated : e.activatedAt();
            } else if (event instanceof VoucherDistributed e) {
                distributed = distributed != null ? distributed : e.distributedAt();
            } else if (event instanceof VoucherCancelled e) {
                cancelled = cancelled != null ? cancelled : e.cancelledAt();
            } else if (event instanceof VoucherExpired e) {
                expired = expired != null ? expired : e.expiredAt();
            } else if (event instanceof VoucherValidityExtended e) {
                validUntil = e.validUntil(); // the latest extension replaces the dates
                acceptedUntil = e.acceptedUntil();
            }
        }

        Map<String, Object> row() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("voucher_id", voucherId.toString());
            if (issued != null) {
                row.put("code_hash", issued.codeHash());
                row.put("programme_id", issued.programmeId().toString());
                row.put("funder_id", issued.funderId().toString());
                row.put("face_value_cents", issued.faceValueCents());
                row.put("territory", issued.territory());
                row.put("allowed_services", issued.allowedServices());
                row.put("issued_at", issued.issuedAt().toString());
            }
            row.put("valid_until", text(validUntil));
            row.put("accepted_until", text(acceptedUntil));
            row.put("activated_at", text(activated));
            row.put("distributed_at", text(distributed));
            row.put("cancelled_at", text(cancelled));
            row.put("expired_at", text(expired));
            row.put("events", events);
            row.put("updated_at", updatedAt.toString());
            return row;
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
