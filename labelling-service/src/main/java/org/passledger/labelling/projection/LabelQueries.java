package org.passledger.labelling.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.passledger.events.EventJson;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.store.SqlTime;

/** The agency's and the places' reading of labels and applications. */
@ApplicationScoped
public class LabelQueries {

    /** Places and their label status, as the structure view projection folds them from the topic. */
    static final String LABELS = """
            select cast(v.structure_id as text) as id, v.name, v.siret, v.departement, v.commune,
                   v.label_status as status,
                   v.convention_reference, cast(v.label_valid_from as text) as valid_from,
                   cast(v.label_valid_until as text) as valid_until
            from structure_view v""";

    private static final String APPLICATIONS = """
            select cast(a.application_id as text), cast(a.structure_id as text), v.name, v.departement, a.status,
                   a.services, cast(a.answers as text), a.charter_accepted,
            """ + SqlTime.micros("a.submitted_at") + ", " + SqlTime.micros("a.decided_at") + """
            , a.reason, """ + SqlTime.micros("a.charter_accepted_at") + """

            from label_applications a left join structure_view v on v.structure_id = a.structure_id""";

    private final Transactions transactions;

    public LabelQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    public Uni<Page<LabelSummary>> labels(String departement, String status, int page, int size) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where true");
        if (departement != null) {
            where.append(" and l.departement = :departement");
            parameters.put("departement", departement);
        }
        if (status != null) {
            where.append(" and l.status = :status");
            parameters.put("status", status);
        }
        String select = "select * from (" + LABELS + ") l" + where + " order by l.departement, l.name, l.id";
        return page(select, parameters, page, size, LabelQueries::toLabel);
    }

    /** Labels in force (granted or suspended) whose last day falls between today and today + days. */
    public Uni<Page<LabelSummary>> expiring(LocalDate today, int days, int page, int size) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("today", today);
        parameters.put("last", today.plusDays(days));
        String select = "select * from (" + LABELS + ") l where l.status in ('GRANTED', 'SUSPENDED')"
                + " and cast(l.valid_until as date) between cast(:today as date) and cast(:last as date)"
                + " order by cast(l.valid_until as date), l.id";
        return page(select, parameters, page, size, LabelQueries::toLabel);
    }

    public Uni<List<LabelCount>> counts() {
        return transactions.read(session -> session.createNativeQuery(
                        "select l.departement, l.status, count(*) from (" + LABELS + ") l"
                                + " group by l.departement, l.status order by l.departement, l.status", Object[].class)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new LabelCount((String) r[0], (String) r[1],
                        ((Number) r[2]).longValue())).toList()));
    }

    public Uni<Page<ApplicationSummary>> applications(String status, int page, int size) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("status", status);
        String select = APPLICATIONS + " where a.status = :status order by a.submitted_at, a.application_id";
        return page(select, parameters, page, size, LabelQueries::toApplication);
    }

    /** The place's latest application, if it ever applied. */
    public Uni<Optional<ApplicationSummary>> latestApplication(UUID structureId) {
        return transactions.read(session -> session.createNativeQuery(APPLICATIONS
                        + " where a.structure_id = cast(:id as uuid) order by a.submitted_at desc limit 1", Object[].class)
                .setParameter("id", structureId.toString())
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(LabelQueries::toApplication)));
    }

    private <T> Uni<Page<T>> page(String select, Map<String, Object> parameters, int page, int size,
                                  java.util.function.Function<Object[], T> mapper) {
        return transactions.read(session -> {
            var count = session.createNativeQuery("select count(*) from (" + select + ") counted", Long.class);
            parameters.forEach(count::setParameter);
            return count.getSingleResult().chain(total -> {
                var query = session.createNativeQuery(select + " limit :limit offset :offset", Object[].class);
                parameters.forEach(query::setParameter);
                query.setParameter("limit", size);
                query.setParameter("offset", (long) (page - 1) * size);
                return query.getResultList().map(rows -> new Page<>(page, size, total.longValue(),
                        rows.stream().map(mapper).toList()));
            });
        });
    }

    private static LabelSummary toLabel(Object[] r) {
        return new LabelSummary(UUID.fromString((String) r[0]), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], date(r[7]), date(r[8]));
    }

    private static ApplicationSummary toApplication(Object[] r) {
        String services = (String) r[5];
        return new ApplicationSummary(UUID.fromString((String) r[0]), UUID.fromString((String) r[1]),
                (String) r[2], (String) r[3], (String) r[4],
                services.isEmpty() ? List.of() : Arrays.asList(services.split("\\|")),
                answers((String) r[6]), (Boolean) r[7], r[11] == null ? null : SqlTime.fromMicros(r[11]),
                SqlTime.fromMicros(r[8]), r[9] == null ? null : SqlTime.fromMicros(r[9]), (String) r[10]);
    }

    private static Map<String, String> answers(String json) {
        try {
            return EventJson.mapper().readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable answers", e);
        }
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse((String) value);
    }

}
