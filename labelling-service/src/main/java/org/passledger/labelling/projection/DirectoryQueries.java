package org.passledger.labelling.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.kernel.command.Transactions;

/** The public directory: places whose label is in force today, filtered, paginated, optionally near a point. */
@ApplicationScoped
public class DirectoryQueries {

    /** Mean Earth radius (IUGG), the same in SQL and in any check of it. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private static final String DISTANCE = EARTH_RADIUS_KM + " * 2 * asin(least(1, sqrt("
            + "power(sin(radians(v.latitude - :lat) / 2), 2) + cos(radians(:lat)) * cos(radians(v.latitude))"
            + " * power(sin(radians(v.longitude - :lon) / 2), 2))))";

    private final Transactions transactions;

    public DirectoryQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    public Uni<Page<DirectoryPlace>> search(DirectorySearch search, LocalDate today, int page, int size) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String candidates = candidates(search, today, parameters);
        String select = "select * from (" + candidates + ") c"
                + (search.aroundPoint() ? " where c.distance_km <= :radius" : "")
                + (search.aroundPoint() ? " order by c.distance_km, c.id" : " order by c.name, c.id");
        if (search.aroundPoint()) {
            parameters.put("radius", search.radiusKm());
        }
        return transactions.read(session -> count(session, select, parameters).chain(total ->
                list(session, select + " limit :limit offset :offset", parameters, size, (long) (page - 1) * size)
                        .map(items -> new Page<>(page, size, total, items))));
    }

    /** Every match, for the CSV export. */
    public Uni<List<DirectoryPlace>> all(DirectorySearch search, LocalDate today, int limit) {
        return search(search, today, 1, limit).map(Page::items);
    }

    private static String candidates(DirectorySearch search, LocalDate today, Map<String, Object> parameters) {
        StringBuilder sql = new StringBuilder("""
                select cast(v.structure_id as text) as id, v.name, v.siret, v.street, v.postcode, v.commune,
                       v.departement, v.latitude, v.longitude,
                       coalesce(p.service_codes, v.services) as services, cast(p.opening_hours as text) as hours,
                """);
        sql.append(search.aroundPoint() ? DISTANCE : "cast(null as double precision)").append(" as distance_km\n");
        sql.append("""
                from structure_view v left join structure_profile p on p.structure_id = v.structure_id
                where v.label_status = 'GRANTED'
                  and v.label_valid_from <= cast(:today as date) and v.label_valid_until >= cast(:today as date)
                """);
        parameters.put("today", today);
        if (search.departement() != null) {
            sql.append(" and v.departement = :departement");
            parameters.put("departement", search.departement());
        }
        if (search.postcode() != null) {
            sql.append(" and v.postcode = :postcode");
            parameters.put("postcode", search.postcode());
        }
        if (search.commune() != null) {
            sql.append(" and lower(v.commune) = lower(:commune)");
            parameters.put("commune", search.commune());
        }
        if (search.service() != null) {
            sql.append(" and :service = any(string_to_array(coalesce(p.service_codes, v.services), '|'))");
            parameters.put("service", search.service());
        }
        if (search.aroundPoint()) {
            sql.append(" and v.latitude is not null and v.longitude is not null");
            parameters.put("lat", search.latitude());
            parameters.put("lon", search.longitude());
        }
        return sql.toString();
    }

    private static Uni<Long> count(Mutiny.Session session, String select, Map<String, Object> parameters) {
        var query = session.createNativeQuery("select count(*) from (" + select + ") counted", Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult().map(Number::longValue);
    }

    private static Uni<List<DirectoryPlace>> list(Mutiny.Session session, String select,
                                                  Map<String, Object> parameters, int limit, long offset) {
        var query = session.createNativeQuery(select, Object[].class);
        parameters.forEach(query::setParameter);
        query.setParameter("limit", limit);
        query.setParameter("offset", offset);
        return query.getResultList().map(rows -> {
            List<DirectoryPlace> places = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                String services = (String) row[9];
                places.add(new DirectoryPlace(UUID.fromString((String) row[0]), (String) row[1], (String) row[2],
                        (String) row[3], (String) row[4], (String) row[5], (String) row[6], toDouble(row[7]),
                        toDouble(row[8]), services == null || services.isEmpty() ? List.of()
                                : Arrays.asList(services.split("\\|")),
                        OpeningHoursText.fromJson((String) row[10]), true, toDouble(row[11])));
            }
            return places;
        });
    }

    private static Double toDouble(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
