package org.passledger.issuance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.issuance.api.IssuanceApi.consign;
import static org.passledger.issuance.api.IssuanceApi.distribute;
import static org.passledger.issuance.api.IssuanceApi.fund;
import static org.passledger.issuance.api.IssuanceApi.open;
import static org.passledger.issuance.api.IssuanceApi.openProgramme;
import static org.passledger.issuance.api.IssuanceApi.order;
import static org.passledger.issuance.api.IssuanceApi.patience;
import static org.passledger.issuance.api.IssuanceApi.placeOrder;
import static org.passledger.issuance.api.IssuanceApi.post;
import static org.passledger.issuance.api.IssuanceApi.programme;
import static org.passledger.issuance.api.IssuanceApi.registerDistributor;
import static org.passledger.issuance.api.IssuanceApi.voucher;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventJson;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.issuance.application.VoucherExpiryJob;
import org.passledger.issuance.support.TestClock;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class CancellationValidityExpiryTest {

    static final int NEXT_YEAR = IssuanceApi.NEXT_YEAR;

    @Inject
    TestClock clock;
    @Inject
    VoucherExpiryJob expiryJob;

    final UUID funder = UUID.randomUUID();

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void cancellingABookNeverHandedOut_givesItsValueBackToTheBudget_withOneEventPerVoucher() {
        UUID programmeId = openProgramme(funder, 20_000, 10); // room for two books of 100 EUR
        JsonPath first = placeOrder(funder, programmeId, 1);
        JsonPath second = placeOrder(funder, programmeId, 1);
        order(funder, programmeId, 1).statusCode(409).body("code", equalTo("budget-exceeded"));
        fund(Roles.FUNDER, funder, programmeId, second.getString("orderId")).statusCode(200);
        String book = first.getString("vouchers[0].bookId");

        post(Roles.FUNDER, UUID.randomUUID(), "/programmes/" + programmeId + "/books/" + book + "/cancellation",
                Map.of("reason", "printed with a typo")).statusCode(403);
        post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/books/" + book + "/cancellation",
                Map.of("reason", "printed with a typo")).statusCode(200)
                .body("vouchersCancelled", equalTo(10)).body("releasedCents", equalTo(10_000));
        post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/books/" + book + "/cancellation",
                Map.of("reason", "again")).statusCode(409).body("code", equalTo("voucher-already-cancelled"));

        placeOrder(funder, programmeId, 1); // the budget has room for one book again
        order(funder, programmeId, 1).statusCode(409).body("code", equalTo("budget-exceeded"))
                .body("remainingCents", equalTo(0));

        // funding the cancelled order later activates nothing
        fund(Roles.FUNDER, funder, programmeId, first.getString("orderId")).statusCode(200)
                .body("vouchersActivated", equalTo(0));
        String cancelledCode = first.getString("vouchers[4].code");
        await().atMost(patience()).untilAsserted(() -> voucher(Roles.FUNDER, funder, cancelledCode).statusCode(200)
                .body("status", equalTo("CANCELLED")));
        var cancelled = KafkaTopics.readAll(Topics.VOUCHERS).stream()
                .filter(r -> "voucher.cancelled.v1".equals(KafkaTopics.header(r, CloudEvents.TYPE)))
                .map(r -> (VoucherCancelled) EventJson.read("voucher.cancelled.v1", r.value()))
                .filter(c -> c.programmeId().equals(programmeId)).toList();
        assertThat(cancelled).hasSize(10).allSatisfy(c -> {
            assertThat(c.faceValueCents()).isEqualTo(1000);
            assertThat(c.reason()).isEqualTo("printed with a typo");
        });

        await().atMost(patience()).untilAsserted(() -> IssuanceApi.programmeView(Roles.FUNDER, funder, programmeId)
                .statusCode(200).body("committedCents", equalTo(30_000))
                .body("cancelled.count", equalTo(10)).body("cancelled.amountCents", equalTo(10_000))
                .body("remainingCents", equalTo(0)));

        // a book with a voucher handed out cannot be cancelled, nor consigned once cancelled
        UUID distributor = UUID.randomUUID();
        registerDistributor(funder, programmeId, distributor).statusCode(201);
        String secondBook = second.getString("vouchers[0].bookId");
        consign(funder, programmeId, distributor, List.of(secondBook)).statusCode(201);
        distribute(distributor, second.getString("vouchers[0].code")).statusCode(201);
        post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/books/" + secondBook + "/cancellation",
                Map.of("reason", "too late")).statusCode(409).body("code", equalTo("voucher-already-distributed"));
        consign(funder, programmeId, distributor, List.of(book)).statusCode(409).body("code", equalTo("book-cancelled"));
    }

    @Test
    void validity_isExtendedPerVoucherOrProgrammeWide_neverShortened() {
        UUID programmeId = openProgramme(funder, 100_000, 5);
        JsonPath order = placeOrder(funder, programmeId, 2);
        fund(Roles.FUNDER, funder, programmeId, order.getString("orderId")).statusCode(200);
        String code = order.getString("vouchers[0].code");

        Map<String, Object> oneVoucher = Map.of("validUntil", NEXT_YEAR + 1 + "-02-28",
                "acceptedUntil", NEXT_YEAR + 1 + "-03-31");
        post(Roles.FUNDER, UUID.randomUUID(), "/vouchers/" + code + "/validity", oneVoucher).statusCode(403);
        post(Roles.FUNDER, funder, "/vouchers/" + code + "/validity", oneVoucher).statusCode(200)
                .body("validUntil", equalTo(NEXT_YEAR + 1 + "-02-28"));
        post(Roles.FUNDER, funder, "/vouchers/" + code + "/validity", oneVoucher).statusCode(409)
                .body("code", equalTo("validity-not-extended"));

        Map<String, Object> shorter = Map.of("validUntil", NEXT_YEAR + "-06-30", "acceptedUntil", NEXT_YEAR + "-07-31");
        post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/validity", shorter).statusCode(409)
                .body("code", equalTo("validity-not-extended"));
        post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/validity",
                Map.of("validUntil", NEXT_YEAR + 1 + "-06-30", "acceptedUntil", NEXT_YEAR + 1 + "-05-31"))
                .statusCode(400).body("code", equalTo("accepted-until-before-valid-until"));
        Map<String, Object> wide = Map.of("validUntil", NEXT_YEAR + 1 + "-01-31", "acceptedUntil", NEXT_YEAR + 1 + "-04-30");
        post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/validity", wide).statusCode(200)
                .body("vouchersExtended", equalTo(10));

        // the voucher extended on its own keeps its later validity, and takes the later acceptance
        await().atMost(patience()).untilAsserted(() -> voucher(Roles.FUNDER, funder, code).statusCode(200)
                .body("validUntil", equalTo(NEXT_YEAR + 1 + "-02-28"))
                .body("acceptedUntil", equalTo(NEXT_YEAR + 1 + "-04-30")));
        await().atMost(patience()).untilAsserted(() -> voucher(Roles.AGENCY, "anct", order.getString("vouchers[9].code"))
                .statusCode(200).body("validUntil", equalTo(NEXT_YEAR + 1 + "-01-31")));
        // vouchers ordered afterwards carry the programme's new dates
        String later = placeOrder(funder, programmeId, 1).getString("vouchers[0].code");
        await().atMost(patience()).untilAsserted(() -> voucher(Roles.FUNDER, funder, later).statusCode(200)
                .body("validUntil", equalTo(NEXT_YEAR + 1 + "-01-31"))
                .body("acceptedUntil", equalTo(NEXT_YEAR + 1 + "-04-30")));
    }

    @Test
    void vouchersExpireOnTheirOwn_theDayAfterTheirAcceptanceDate_unlessRedeemedOrNeverFunded() throws Throwable {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        Map<String, Object> body = programme(100_000, 5);
        body.put("validUntil", today.toString());
        body.put("acceptedUntil", today.toString());
        UUID programmeId = UUID.fromString(open(funder, body).statusCode(201).extract().path("programmeId"));
        JsonPath funded = placeOrder(funder, programmeId, 1);
        fund(Roles.FUNDER, funder, programmeId, funded.getString("orderId")).statusCode(200);
        JsonPath unfunded = placeOrder(funder, programmeId, 1);
        String code = funded.getString("vouchers[0].code");
        String voucherId = funded.getString("vouchers[0].voucherId");
        await().atMost(patience()).untilAsserted(() -> IssuanceApi.programmeView(Roles.FUNDER, funder, programmeId)
                .statusCode(200).body("activated.count", equalTo(5)).body("issued.count", equalTo(10)));

        clock.set(today.atStartOfDay(ZoneId.of("Europe/Paris")).plusHours(23).toInstant().toString());
        assertThat(VertxContextSupport.subscribeAndAwait(() -> expiryJob.expireDueVouchers()))
                .as("still accepted on its last day").isEmpty();

        clock.set(today.plusDays(1).atStartOfDay(ZoneId.of("Europe/Paris")).plusMinutes(1).toInstant().toString());
        List<UUID> expired = VertxContextSupport.subscribeAndAwait(() -> expiryJob.expireDueVouchers());
        assertThat(expired).hasSize(5).contains(UUID.fromString(voucherId))
                .doesNotContainAnyElementsOf(unfunded.<String>getList("vouchers.voucherId").stream()
                        .map(UUID::fromString).toList());
        await().atMost(patience()).untilAsserted(() -> voucher(Roles.FUNDER, funder, code).statusCode(200)
                .body("status", equalTo("EXPIRED")));
        assertThat(VertxContextSupport.subscribeAndAwait(() -> expiryJob.expireDueVouchers()))
                .as("expired once").isEmpty();
        var records = KafkaTopics.readAll(Topics.VOUCHERS).stream()
                .filter(r -> voucherId.equals(r.key()))
                .filter(r -> "voucher.expired.v1".equals(KafkaTopics.header(r, CloudEvents.TYPE))).toList();
        assertThat(records).hasSize(1);
        assertThat(KafkaTopics.header(records.get(0), CloudEvents.ACTOR)).isEqualTo(VoucherExpiryJob.ACTOR);
    }
}
