package org.passledger.redemption.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventJson;
import org.passledger.kernel.store.SqlTime;
import org.passledger.redemption.domain.LabelHistory;
import org.passledger.redemption.domain.LabelHistory.Period;
import org.passledger.redemption.domain.LabelHistory.Suspension;
import org.passledger.redemption.domain.PlaceFacts;

/** Reads and writes a place's label history (periods and suspensions) in its child tables. */
@ApplicationScoped
public class StructureLabels {

    // Instants go in as epoch microseconds, exactly (no floating-point division), null staying null.
    private static final String FROM_MICROS = "to_timestamp(0) + cast(:%s as bigint) * interval '1 microsecond'";

    // A place, its periods and its suspensions in one round trip (this runs on every redemption): each list
    // comes back as a JSON array, instants as epoch microseconds.
    private static final String FACTS = "select s.departement,"
            + " (select cast(json_agg(json_build_array(cast(p.valid_from as text), cast(p.valid_until as text), "
            + SqlTime.micros("p.ended_at") + ") order by p.ordinal) as text)"
            + " from structure_label_period p where p.structure_id = s.structure_id),"
            + " (select cast(json_agg(json_build_array(" + SqlTime.micros("x.suspended_at") + ", "
            + SqlTime.micros("x.reinstated_at") + ") order by x.ordinal) as text)"
            + " from structure_label_suspension x where x.structure_id = s.structure_id),"
            + " cast(s.structure_id as text)"
            + " from structure_label s where ";

    /** What the redemption decision needs to know of a place; an unknown place has no label. */
    public Uni<PlaceFacts> facts(Mutiny.Session session, UUID structureId) {
        return session.createNativeQuery(FACTS + "s.structure_id = cast(:id as uuid)", Object[].class)
                .setParameter("id", structureId.toString())
                .getResultList()
                .map(rows -> rows.isEmpty() ? PlaceFacts.unknown(structureId) : facts(rows.get(0)));
    }

    /** The same for many places in one round trip (a group of redemptions); every place asked for is answered. */
    public Uni<Map<UUID, PlaceFacts>> factsOf(Mutiny.Session session, Collection<UUID> structureIds) {
        return session.createNativeQuery(FACTS + "s.structure_id = any(cast(cast(:ids as text[]) as uuid[]))",
                        Object[].class)
                .setParameter("ids", structureIds.stream().map(UUID::toString).toArray(String[]::new))
                .getResultList()
                .map(rows -> {
                    Map<UUID, PlaceFacts> places = new HashMap<>();
                    structureIds.forEach(id -> places.put(id, PlaceFacts.unknown(id)));
                    rows.forEach(row -> places.put(UUID.fromString((String) row[3]), facts(row)));
                    return places;
                });
    }

    private static PlaceFacts facts(Object[] row) {
        return new PlaceFacts(UUID.fromString((String) row[3]), true, (String) row[0],
                new LabelHistory(periods((String) row[1]), suspensions((String) row[2])));
    }

    private static List<Period> periods(String json) {
        return elements(json).stream().map(row -> new Period(LocalDate.parse(row.get(0).asText()),
                LocalDate.parse(row.get(1).asText()), instantOf(row.get(2)))).toList();
    }

    private static List<Suspension> suspensions(String json) {
        return elements(json).stream().map(row -> new Suspension(instantOf(row.get(0)), instantOf(row.get(1)))).toList();
    }

    private static List<JsonNode> elements(String json) {
        if (json == null) {
            return List.of(); // json_agg of no row
        }
        try {
            List<JsonNode> elements = new ArrayList<>();
            EventJson.mapper().readTree(json).forEach(elements::add);
            return elements;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL's json_agg is valid JSON", e);
        }
    }

    private static Instant instantOf(JsonNode micros) {
        return micros == null || micros.isNull() ? null : SqlTime.fromMicros(micros.asLong());
    }

    public Uni<LabelHistory> history(Mutiny.Session session, UUID structureId) {
        Uni<List<Period>> periods = session.createNativeQuery("select cast(valid_from as text), "
                        + "cast(valid_until as text), " + SqlTime.micros("ended_at")
                        + " from structure_label_period where structure_id = cast(:id as uuid) order by ordinal",
                        Object[].class)
                .setParameter("id", structureId.toString())
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Period(LocalDate.parse((String) row[0]),
                        LocalDate.parse((String) row[1]), instant(row[2]))).toList());
        Uni<List<Suspension>> suspensions = session.createNativeQuery("select "
                        + SqlTime.micros("suspended_at") + ", " + SqlTime.micros("reinstated_at")
                        + " from structure_label_suspension where structure_id = cast(:id as uuid) order by ordinal",
                        Object[].class)
                .setParameter("id", structureId.toString())
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Suspension(instant(row[0]), instant(row[1]))).toList());
        // one session runs one statement at a time: read the two tables in turn
        return periods.chain(p -> suspensions.map(s -> new LabelHistory(p, s)));
    }

    /** Replaces the stored history of a place with the given one (a place has a handful of rows at most). */
    public Uni<Void> save(Mutiny.Session session, UUID structureId, LabelHistory history) {
        String id = structureId.toString();
        Uni<Void> cleared = session.createNativeQuery(
                        "delete from structure_label_period where structure_id = cast(:id as uuid)")
                .setParameter("id", id).executeUpdate()
                .chain(() -> session.createNativeQuery(
                                "delete from structure_label_suspension where structure_id = cast(:id as uuid)")
                        .setParameter("id", id).executeUpdate())
                .replaceWithVoid();
        return cleared
                .chain(() -> each(history.periods().size(), i -> {
                    Period period = history.periods().get(i);
                    return session.createNativeQuery("insert into structure_label_period"
                                    + " (structure_id, ordinal, valid_from, valid_until, ended_at)"
                                    + " values (cast(:id as uuid), :ordinal, cast(:validFrom as date),"
                                    + " cast(:validUntil as date), " + FROM_MICROS.formatted("endedAt") + ")")
                            .setParameter("id", id)
                            .setParameter("ordinal", i)
                            .setParameter("validFrom", period.validFrom())
                            .setParameter("validUntil", period.validUntil())
                            .setParameter("endedAt", micros(period.endedAt()))
                            .executeUpdate();
                }))
                .chain(() -> each(history.suspensions().size(), i -> {
                    Suspension suspension = history.suspensions().get(i);
                    return session.createNativeQuery("insert into structure_label_suspension"
                                    + " (structure_id, ordinal, suspended_at, reinstated_at)"
                                    + " values (cast(:id as uuid), :ordinal, " + FROM_MICROS.formatted("suspendedAt")
                                    + ", " + FROM_MICROS.formatted("reinstatedAt") + ")")
                            .setParameter("id", id)
                            .setParameter("ordinal", i)
                            .setParameter("suspendedAt", micros(suspension.from()))
                            .setParameter("reinstatedAt", micros(suspension.until()))
                            .executeUpdate();
                }));
    }

    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from structure_label_period").executeUpdate()
                .chain(() -> session.createNativeQuery("delete from structure_label_suspension").executeUpdate())
                .chain(() -> session.createNativeQuery("delete from structure_label").executeUpdate())
                .replaceWithVoid();
    }

    private static Uni<Void> each(int count, IntFunction<Uni<Integer>> statement) {
        if (count == 0) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().range(0, count)
                .onItem().transformToUniAndConcatenate(statement::apply)
                .collect().last()
                .replaceWithVoid();
    }

    private static Long micros(Instant instant) {
        return instant == null ? null : SqlTime.toMicros(instant);
    }

    private static Instant instant(Object micros) {
        return micros == null ? null : SqlTime.fromMicros(micros);
    }
}
