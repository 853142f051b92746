package org.passledger.issuance.api;

import static org.hamcrest.Matchers.equalTo;
import static org.passledger.issuance.api.IssuanceApi.consign;
import static org.passledger.issuance.api.IssuanceApi.distribute;
import static org.passledger.issuance.api.IssuanceApi.distributeBook;
import static org.passledger.issuance.api.IssuanceApi.fund;
import static org.passledger.issuance.api.IssuanceApi.get;
import static org.passledger.issuance.api.IssuanceApi.openProgramme;
import static org.passledger.issuance.api.IssuanceApi.placeOrder;
import static org.passledger.issuance.api.IssuanceApi.post;
import static org.passledger.issuance.api.IssuanceApi.registerDistributor;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.LedgerTestResources;

/** Every party sees and moves only what is its own: funders their programmes, distributors their stock. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class ObjectLevelAuthorisationTest {

    final UUID owner = UUID.randomUUID();
    final UUID otherFunder = UUID.randomUUID();
    final UUID holder = UUID.randomUUID();
    final UUID otherDistributor = UUID.randomUUID();

    @Test
    void aFunder_actsOnlyOnItsOwnProgrammes() {
        UUID programmeId = openProgramme(owner, 100_000, 5);
        JsonPath order = placeOrder(owner, programmeId, 1);
        String book = order.getString("vouchers[0].bookId");
        String code = order.getString("vouchers[0].code");
        String base = "/programmes/" + programmeId;
        UUID foreignProgramme = openProgramme(otherFunder, 100_000, 5);

        post(Roles.FUNDER, otherFunder, base + "/distributors",
                Map.of("distributorId", holder.toString(), "name", "CCAS", "kind", "ccas")).statusCode(403);
        registerDistributor(owner, programmeId, holder).statusCode(201);
        consign(otherFunder, programmeId, holder, List.of(book)).statusCode(403);
        // a book of one programme cannot be consigned through another one
        registerDistributor(otherFunder, foreignProgramme, holder).statusCode(201);
        consign(otherFunder, foreignProgramme, holder, List.of(book)).statusCode(404);
        post(Roles.FUNDER, otherFunder, "/programmes/" + foreignProgramme + "/books/" + book + "/cancellation",
                Map.of("reason", "not mine")).statusCode(404);

        post(Roles.FUNDER, otherFunder, base + "/books/" + book + "/cancellation", Map.of("reason", "x")).statusCode(403);
        post(Roles.FUNDER, otherFunder, base + "/validity", Map.of("validUntil", IssuanceApi.NEXT_YEAR + 1 + "-01-31",
                "acceptedUntil", IssuanceApi.NEXT_YEAR + 1 + "-02-28")).statusCode(403);
        post(Roles.FUNDER, otherFunder, "/vouchers/" + code + "/validity", Map.of("validUntil",
                IssuanceApi.NEXT_YEAR + 1 + "-01-31", "acceptedUntil", IssuanceApi.NEXT_YEAR + 1 + "-02-28"))
                .statusCode(403);
        post(Roles.FUNDER, otherFunder, base + "/order-jobs", Map.of("books", 1)).statusCode(403);
        get(Roles.FUNDER, otherFunder, base + "/dashboard").statusCode(403);
        get(Roles.FUNDER, otherFunder, base + "/vouchers.csv").statusCode(403);
        get(Roles.FUNDER, otherFunder, base + "/orders/" + order.getString("orderId") + "/books.pdf").statusCode(403);
        get(Roles.FUNDER, otherFunder, "/vouchers/" + code + "/history").statusCode(403);
        get(Roles.FUNDER, owner, "/distributors/" + holder + "/stock").statusCode(403);
        get(Roles.FUNDER, owner, "/agency/overview").statusCode(403);
        post(Roles.FUNDER, owner, "/vouchers/book-distributions", Map.of("bookId", book)).statusCode(403);
        get(Roles.FUNDER, owner, "/vouchers/" + code + "/history").statusCode(200);
    }

    @Test
    void aDistributor_seesAndHandsOutOnlyItsOwnStock() {
        UUID programmeId = openProgramme(owner, 100_000, 5);
        JsonPath order = placeOrder(owner, programmeId, 1);
        fund(Roles.FUNDER, owner, programmeId, order.getString("orderId")).statusCode(200);
        String book = order.getString("vouchers[0].bookId");
        String code = order.getString("vouchers[0].code");
        registerDistributor(owner, programmeId, holder).statusCode(201);
        consign(owner, programmeId, holder, List.of(book)).statusCode(201);

        get(Roles.DISTRIBUTOR, otherDistributor, "/distributors/" + holder + "/stock").statusCode(403);
        org.awaitility.Awaitility.await().atMost(IssuanceApi.patience()).untilAsserted(() ->
                get(Roles.DISTRIBUTOR, holder, "/distributors/" + holder + "/stock").statusCode(200)
                        .body("vouchersInStock", equalTo(5)));
        distribute(otherDistributor, code).statusCode(403);
        distributeBook(otherDistributor, book).statusCode(403);
        get(Roles.DISTRIBUTOR, otherDistributor, "/vouchers/" + code + "/history").statusCode(403);
        get(Roles.DISTRIBUTOR, holder, "/vouchers/" + code + "/history").statusCode(200);
        get(Roles.DISTRIBUTOR, holder, "/programmes/" + programmeId + "/dashboard").statusCode(403);
        get(Roles.DISTRIBUTOR, holder, "/programmes/" + programmeId + "/vouchers.csv").statusCode(403);
        get(Roles.DISTRIBUTOR, holder, "/agency/overview").statusCode(403);
        post(Roles.DISTRIBUTOR, holder, "/programmes/" + programmeId + "/consignments",
                Map.of("distributorId", holder.toString(), "bookIds", List.of(book))).statusCode(403);
        distribute(holder, code).statusCode(201);
    }

    @Test
    void theAgency_readsEverything_butMovesNothing() {
        UUID programmeId = openProgramme(owner, 100_000, 5);
        JsonPath order = placeOrder(owner, programmeId, 1);
        String book = order.getString("vouchers[0].bookId");
        String code = order.getString("vouchers[0].code");
        String base = "/programmes/" + programmeId;
        registerDistributor(owner, programmeId, holder).statusCode(201);
        consign(owner, programmeId, holder, List.of(book)).statusCode(201);

        org.awaitility.Awaitility.await().atMost(IssuanceApi.patience()).untilAsserted(() ->
                get(Roles.AGENCY, "anct", base + "/dashboard").statusCode(200).body("issued.count", equalTo(5))
                        .body("inDistributorStock.count", equalTo(5)));
        get(Roles.AGENCY, "anct", base + "/vouchers.csv").statusCode(200);
        get(Roles.AGENCY, "anct", "/vouchers/" + code + "/history").statusCode(200);
        get(Roles.AGENCY, "anct", "/distributors/" + holder + "/stock").statusCode(200).body("vouchersInStock", equalTo(5));
        get(Roles.AGENCY, "anct", "/agency/overview").statusCode(200);
        get(Roles.AGENCY, "anct", base + "/orders/" + order.getString("orderId") + "/books.pdf").statusCode(403);

        post(Roles.AGENCY, "anct", base + "/distributors",
                Map.of("distributorId", holder.toString(), "name", "CCAS", "kind", "ccas")).statusCode(403);
        post(Roles.AGENCY, "anct", base + "/consignments",
                Map.of("distributorId", holder.toString(), "bookIds", List.of(book))).statusCode(403);
        post(Roles.AGENCY, "anct", base + "/books/" + book + "/cancellation", Map.of("reason", "x")).statusCode(403);
        post(Roles.AGENCY, "anct", base + "/order-jobs", Map.of("books", 1)).statusCode(403);
        post(Roles.AGENCY, "anct", "/vouchers/distributions", Map.of("code", code)).statusCode(403);
    }
}
