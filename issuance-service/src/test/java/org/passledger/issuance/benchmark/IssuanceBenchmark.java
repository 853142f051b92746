package org.passledger.issuance.benchmark;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.passledger.events.VoucherEvent;
import org.passledger.issuance.application.VoucherCodeRegistry;
import org.passledger.issuance.domain.VoucherCode;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.store.EventStore;
import org.passledger.kernel.store.StreamAppend;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/**
 * Not part of the build's tests: run with {@code ./mvnw -B -o -pl issuance-service verify -Pbenchmark}. Issues
 * 100,000 vouchers (10,000 books of 10) through a large-order job against the real PostgreSQL and Kafka,
 * prints how long it took and the events per second, then times the parts of one 10,000-voucher chunk: the
 * code register (one statement for the whole chunk), the event appends one statement per event, and the same
 * appends through the kernel's batch append (one statement for the chunk, what the job does). In between, it
 * waits for the job to print the order's books into stored PDF parts and prints how long that took.
 */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
@TestProfile(IssuanceBenchmark.ProductionChunks.class)
@Tag("benchmark")
class IssuanceBenchmark {

    /** The production chunk size (the tests' profile issues 100 vouchers per transaction to watch progress). */
    public static class ProductionChunks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.issuance.order-jobs.chunk-vouchers", "1000");
        }
    }

    static final int BOOKS = 10_000;
    static final int BOOK_SIZE = 10;

    @Inject
    Transactions transactions;
    @Inject
    EventStore store;
    @Inject
    VoucherCodeRegistry codes;

    @Test
    void issuingAHundredThousandVouchers() throws Throwable {
        UUID funder = UUID.randomUUID();
        int year = LocalDate.now().getYear() + 1;
        Map<String, Object> programme = new HashMap<>();
        programme.put("name", "Benchmark " + year);
        programme.put("funderName", "Département du Gard");
        programme.put("funderType", "departement");
        programme.put("budgetCents", (long) BOOKS * BOOK_SIZE * 1000);
        programme.put("bookSize", BOOK_SIZE);
        programme.put("territory", List.of("30"));
        programme.put("validUntil", year + "-12-31");
        programme.put("acceptedUntil", (year + 1) + "-01-31");
        String token = TestTokens.bearer(Roles.FUNDER, funder);
        String programmeId = given().header("Authorization", token).contentType("application/json").body(programme)
                .when().post("/programmes").then().statusCode(201).extract().path("programmeId");

        long start = System.nanoTime();
        String jobPath = given().header("Authorization", token).contentType("application/json")
                .body(Map.of("books", BOOKS)).when().post("/programmes/" + programmeId + "/order-jobs")
                .then().statusCode(202).extract().header("Location");
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> "DONE".equals(given().header("Authorization", token).when().get(jobPath)
                        .then().statusCode(200).extract().path("status")));
        double seconds = (System.nanoTime() - start) / 1e9;
        int vouchers = BOOKS * BOOK_SIZE;
        int events = vouchers + 1; // voucher.issued.v1 each, and the order's programme.books-ordered.v1
        System.out.printf("%n[benchmark] issued %,d vouchers (%,d books of %d, %s per transaction) in %.1f s: "
                        + "%,.0f events/s%n", vouchers, BOOKS, BOOK_SIZE,
                org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getValue("issuance.order-jobs.chunk-vouchers", String.class), seconds, events / seconds);

        // then the job prints the order's books into stored PDF parts; the measurements below wait for it
        long printStart = System.nanoTime();
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "DONE".equals(given().header("Authorization", token).when().get(jobPath)
                        .then().statusCode(200).extract().path("printStatus")));
        System.out.printf("[benchmark] printed %,d books (%,d QR codes) into stored PDF parts in %.1f s%n", BOOKS,
                vouchers, (System.nanoTime() - printStart) / 1e9);

        // where a chunk's time goes: claiming codes (one statement) versus appending events (one per event)
        int chunk = 10_000;
        List<VoucherCodeRegistry.Slot> slots = new ArrayList<>(chunk);
        for (int i = 0; i < chunk; i++) {
            slots.add(new VoucherCodeRegistry.Slot(UUID.randomUUID(), UUID.randomUUID(), 1));
        }
        UUID orderId = UUID.randomUUID();
        long claimStart = System.nanoTime();
        Map<UUID, VoucherCode> claimed = VertxContextSupport.subscribeAndAwait(() -> transactions.write(session ->
                codes.claim(session, UUID.fromString(programmeId), orderId, slots)));
        double claimSeconds = (System.nanoTime() - claimStart) / 1e9;
        long appendStart = System.nanoTime();
        VertxContextSupport.subscribeAndAwait(() -> transactions.write(session ->
                io.smallrye.mutiny.Multi.createFrom().iterable(slots)
                        .onItem().transformToUniAndConcatenate(slot -> store.append(session,
                                slot.voucherId().toString(), 0, List.of(issued(slot, claimed.get(slot.voucherId()),
                                        UUID.fromString(programmeId), funder, orderId, year)),
                                EventMetadata.system("benchmark")))
                        .collect().last()));
        double appendSeconds = (System.nanoTime() - appendStart) / 1e9;
        System.out.printf("[benchmark] one chunk of %,d: code register %.2f s (%,.0f codes/s), "
                        + "event appends %.2f s (%,.0f events/s, one INSERT ... RETURNING + outbox row per event)%n",
                chunk, claimSeconds, chunk / claimSeconds, appendSeconds, chunk / appendSeconds);

        assertThat(claimed).hasSize(chunk);

        // the same chunk through the kernel's batch append (EventStore.appendAll: one statement for the chunk),
        // which the job itself now uses
        List<VoucherCodeRegistry.Slot> more = new ArrayList<>(chunk);
        for (int i = 0; i < chunk; i++) {
            more.add(new VoucherCodeRegistry.Slot(UUID.randomUUID(), UUID.randomUUID(), 1));
        }
        UUID batchOrder = UUID.randomUUID();
        Map<UUID, VoucherCode> moreCodes = VertxContextSupport.subscribeAndAwait(() -> transactions.write(session ->
                codes.claim(session, UUID.fromString(programmeId), batchOrder, more)));
        List<StreamAppend> appends = new ArrayList<>(chunk);
        for (VoucherCodeRegistry.Slot slot : more) {
            appends.add(new StreamAppend(slot.voucherId().toString(), 0, List.of(issued(slot,
                    moreCodes.get(slot.voucherId()), UUID.fromString(programmeId), funder, batchOrder, year))));
        }
        long batchStart = System.nanoTime();
        Integer written = VertxContextSupport.subscribeAndAwait(() -> transactions.write(session ->
                store.appendAll(session, appends, EventMetadata.system("benchmark"))));
        double batchSeconds = (System.nanoTime() - batchStart) / 1e9;
        System.out.printf("[benchmark] the same %,d events through EventStore.appendAll (one statement): %.2f s "
                + "(%,.0f events/s)%n%n", written, batchSeconds, written / batchSeconds);
        assertThat(written).isEqualTo(chunk);
    }

    static VoucherEvent.VoucherIssued issued(VoucherCodeRegistry.Slot slot, VoucherCode code, UUID programmeId,
                                             UUID funder, UUID orderId, int year) {
        return new VoucherEvent.VoucherIssued(slot.voucherId(), code.hash(), programmeId, funder, orderId,
                slot.bookId(), 1, 1000, List.of("30"), List.of(), LocalDate.of(year, 12, 31),
                LocalDate.of(year + 1, 1, 31), java.time.Instant.now());
    }
}
