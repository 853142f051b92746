package org.passledger.labelling.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passledger.labelling.projection.DirectoryPlace;
import org.passledger.labelling.projection.DirectoryQueries;
import org.passledger.labelling.support.Places;
import org.passledger.labelling.support.TestClock;
import org.passledger.testkit.LedgerTestResources;

/**
 * The public directory on 1,200 places written straight into its read model: every filter, the radius search
 * and the pages give exactly the places a plain Java filter over the same rows gives.
 */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class DirectoryTest {

    static final String TODAY = "2027-06-15";
    static final double CENTRE_LAT = 46.2;
    static final double CENTRE_LON = 5.2;
    static final List<String> DEPARTEMENTS = List.of("01", "03", "05", "07");
    static final List<String> SERVICES =
            List.of("first-steps-computer", "online-procedures", "smartphone-basics", "email-basics", "video-calls");
    static final int TRICKY = 4;
    static final String TRICKY_NAME = "Café \"Le Lien\", Bourg-en-Bresse; numérique";

    record Seed(UUID id, String name, String siret, String postcode, String commune, String departement,
                double latitude, double longitude, List<String> services, String status, LocalDate from,
                LocalDate until) {

        boolean acceptsPassToday() {
            LocalDate today = LocalDate.parse(TODAY);
            return status.equals("GRANTED") && !from.isAfter(today) && !until.isBefore(today);
        }

        double distanceKm(double lat, double lon) {
            double dLat = Math.toRadians(latitude - lat);
            double dLon = Math.toRadians(longitude - lon);
            double h = Math.pow(Math.sin(dLat / 2), 2)
                    + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(latitude)) * Math.pow(Math.sin(dLon / 2), 2);
            return DirectoryQueries.EARTH_RADIUS_KM * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
        }
    }

    static final List<Seed> SEEDS = new ArrayList<>();

    @Inject
    TestClock clock;

    static void seedOnce() throws Exception {
        synchronized (SEEDS) {
            if (!SEEDS.isEmpty()) {
                return;
            }
            Random random = new Random(20270615L);
            for (int i = 0; i < 1200; i++) {
                String departement = DEPARTEMENTS.get(i % DEPARTEMENTS.size());
                String postcode = departement + String.format("%03d", random.nextInt(5) * 10);
                String commune = "Commune-" + departement + "-" + random.nextInt(6);
                List<String> services = new ArrayList<>();
                for (String service : SERVICES) {
                    if (random.nextInt(3) == 0) {
                        services.add(service);
                    }
                }
                int kind = i == TRICKY ? 10 : random.nextInt(20);
                String status = kind == 0 ? "SUSPENDED" : kind == 1 ? "REVOKED" : kind == 2 ? "APPLIED" : "GRANTED";
                LocalDate from = kind == 3 ? LocalDate.parse("2027-06-16") : LocalDate.parse("2026-01-01");
                LocalDate until = kind == 4 ? LocalDate.parse("2027-06-14") : LocalDate.parse("2036-12-31");
                SEEDS.add(new Seed(UUID.randomUUID(), i == TRICKY ? TRICKY_NAME : "Lieu " + i, String.format("%014d", i),
                        postcode, commune, departement, CENTRE_LAT + (random.nextDouble() - 0.5) * 2,
                        CENTRE_LON + (random.nextDouble() - 0.5) * 3, services, status, from, until));
            }
            try (Connection db = LedgerTestResources.database().connect();
                 PreparedStatement insert = db.prepareStatement("""
                         insert into structure_view (structure_id, name, siret, legal_form, street, postcode, commune,
                             departement, label_status, convention_reference, label_valid_from, label_valid_until,
                             events_applied, updated_at, latitude, longitude, services)
                         values (?, ?, ?, 'association', ?, ?, ?, ?, ?, 'ANCT-SEED', ?, ?, 3, ?, ?, ?, ?)""")) {
                for (Seed seed : SEEDS) {
                    insert.setObject(1, seed.id());
                    insert.setString(2, seed.name());
                    insert.setString(3, seed.siret());
                    insert.setString(4, "1 rue " + seed.name());
                    insert.setString(5, seed.postcode());
                    insert.setString(6, seed.commune());
                    insert.setString(7, seed.departement());
                    insert.setString(8, seed.status());
                    insert.setDate(9, Date.valueOf(seed.from()));
                    insert.setDate(10, Date.valueOf(seed.until()));
                    insert.setTimestamp(11, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
                    insert.setDouble(12, seed.latitude());
                    insert.setDouble(13, seed.longitude());
                    insert.setString(14, String.join("|", seed.services()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    @BeforeEach
    void seededAndToday() throws Exception {
        seedOnce();
        clock.set(TODAY + "T10:00:00Z");
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    static Set<String> expected(Predicate<Seed> filter) {
        Set<String> ids = new HashSet<>();
        SEEDS.stream().filter(Seed::acceptsPassToday).filter(filter).forEach(s -> ids.add(s.id().toString()));
        return ids;
    }

    static JsonPath search(Object... params) {
        var request = given();
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        return request.when().get("/directory/places").then().statusCode(200).extract().jsonPath();
    }

    /** Every page of a search, with a check that pages neither overlap nor miss. */
    static List<String> allPages(int size, Object... params) {
        List<String> ids = new ArrayList<>();
        long total = -1;
        for (int page = 1; page < 100; page++) {
            Object[] withPage = new Object[params.length + 4];
            System.arraycopy(params, 0, withPage, 0, params.length);
            withPage[params.length] = "page";
            withPage[params.length + 1] = page;
            withPage[params.length + 2] = "size";
            withPage[params.length + 3] = size;
            JsonPath json = search(withPage);
            total = json.getLong("total");
            List<String> items = json.getList("items.id", String.class);
            assertThat(items.size()).isLessThanOrEqualTo(size);
            ids.addAll(items);
            if (items.size() < size) {
                break;
            }
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize((int) total);
        return ids;
    }

    @Test
    void byDepartement_listsExactlyThePlacesThatAcceptThePassToday_overSeveralPages() {
        Set<String> expected = expected(s -> s.departement().equals("05"));
        assertThat(expected).hasSizeGreaterThan(200);
        assertThat(allPages(50, "departement", "05")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void byPostcode_andByCommune_ignoringCase() {
        assertThat(allPages(100, "postcode", "03020"))
                .containsExactlyInAnyOrderElementsOf(expected(s -> s.postcode().equals("03020")));
        assertThat(allPages(100, "commune", "commune-07-3"))
                .containsExactlyInAnyOrderElementsOf(expected(s -> s.commune().equals("Commune-07-3")));
    }

    @Test
    void byService_combinedWithDepartement() {
        assertThat(allPages(100, "service", "smartphone-basics", "departement", "01"))
                .containsExactlyInAnyOrderElementsOf(expected(s -> s.departement().equals("01")
                        && s.services().contains("smartphone-basics")));
    }

    @Test
    void aroundAPoint_findsThePlacesWithinTheRadius_nearestFirst() {
        double radius = 40;
        List<String> found = allPages(100, "lat", CENTRE_LAT, "lon", CENTRE_LON, "radiusKm", radius);
        Set<String> clearlyIn = expected(s -> s.distanceKm(CENTRE_LAT, CENTRE_LON) < radius - 0.001);
        Set<String> clearlyOut = expected(s -> s.distanceKm(CENTRE_LAT, CENTRE_LON) > radius + 0.001);
        assertThat(clearlyIn).hasSizeGreaterThan(50);
        assertThat(found).containsAll(clearlyIn).doesNotContainAnyElementsOf(clearlyOut);

        List<Float> distances = search("lat", CENTRE_LAT, "lon", CENTRE_LON, "radiusKm", radius, "size", 500)
                .getList("items.distance_km", Float.class);
        assertThat(distances).isSorted().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo((float) radius));
    }

    @Test
    void json_usesOpenDataFieldNames() {
        Seed tricky = SEEDS.get(TRICKY);
        JsonPath json = search("departement", tricky.departement(), "postcode", tricky.postcode(), "size", 500)
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        int index = json.getList("items.id", String.class).indexOf(tricky.id().toString());
        if (!tricky.acceptsPassToday()) {
            assertThat(index).isEqualTo(-1);
            return;
        }
        String item = "items[" + index + "].";
        assertThat(json.getString(item + "nom")).isEqualTo(TRICKY_NAME);
        assertThat(json.getString(item + "siret")).isEqualTo(tricky.siret());
        assertThat(json.getString(item + "code_postal")).isEqualTo(tricky.postcode());
        assertThat(json.getString(item + "code_departement")).isEqualTo(tricky.departement());
        assertThat(json.getBoolean(item + "pass_numerique")).isTrue();
        assertThat(json.getList(item + "services", String.class)).isEqualTo(tricky.services());
        assertThat(json.getDouble(item + "latitude")).isCloseTo(tricky.latitude(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void csv_parsesBackWithHeader_utf8_andEscapedSeparators() throws Exception {
        byte[] body = given().queryParam("departement", "01")
                .when().get("/directory/places.csv")
                .then().statusCode(200).contentType("text/csv")
                .extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)))) {
            assertThat(parser.getHeaderNames()).isEqualTo(DirectoryPlace.CSV_HEADER);
            List<CSVRecord> rows = parser.getRecords();
            Set<String> ids = new HashSet<>();
            rows.forEach(r -> ids.add(r.get("id")));
            assertThat(ids).isEqualTo(expected(s -> s.departement().equals("01")));
            Seed tricky = SEEDS.get(TRICKY);
            if (tricky.acceptsPassToday()) {
                CSVRecord row = rows.stream().filter(r -> r.get("id").equals(tricky.id().toString())).findFirst()
                        .orElseThrow();
                assertThat(row.get("nom")).isEqualTo(TRICKY_NAME);
                assertThat(row.get("services")).isEqualTo(String.join("|", tricky.services()));
                assertThat(row.get("pass_numerique")).isEqualTo("true");
            }
        }
        assertThat(text).contains("\"" + TRICKY_NAME.replace("\"", "\"\"") + "\"");
    }

    @Test
    void aPlaceGrantedThroughTheApi_appearsWithItsHoursAndCatalogue_andLeavesWhenSuspended() {
        UUID place = Places.granted("2027-06-01");
        String item = "items.find { it.id == '" + place + "' }";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("postcode", "30600").queryParam("size", 500)
                        .when().get("/directory/places")
                        .then().statusCode(200)
                        .body(item + ".nom", equalTo("Connect & vous"))
                        .body(item + ".horaires", equalTo("Mo 09:00-12:30,14:00-17:00; We 14:00-18:00"))
                        .body(item + ".services", equalTo(List.of("first-steps-computer", "online-procedures")))
                        .body(item + ".pass_numerique", equalTo(true)));
        Places.decide(place, "suspend", java.util.Map.of("reason", "Contrôle")).statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(given().queryParam("postcode", "30600").queryParam("size", 500)
                        .when().get("/directory/places")
                        .then().statusCode(200).extract().jsonPath().getList("items.id", String.class))
                        .doesNotContain(place.toString()));
    }

    @Test
    void badFilters_areRefusedNamingTheParameter() {
        given().queryParam("lat", 46.2).queryParam("radiusKm", 10)
                .when().get("/directory/places")
                .then().statusCode(400).body("violations[0].field", equalTo("lon"));
        given().queryParam("postcode", "1A000")
                .when().get("/directory/places")
                .then().statusCode(400).body("violations[0].field", equalTo("postcode"));
        given().queryParam("size", 100000)
                .when().get("/directory/places")
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
    }
}
