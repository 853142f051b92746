package org.passledger.issuance.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.issuance.api.IssuanceApi.consign;
import static org.passledger.issuance.api.IssuanceApi.fund;
import static org.passledger.issuance.api.IssuanceApi.openProgramme;
import static org.passledger.issuance.api.IssuanceApi.order;
import static org.passledger.issuance.api.IssuanceApi.placeOrder;
import static org.passledger.issuance.api.IssuanceApi.registerDistributor;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** The new value-moving POSTs, repeated under one Idempotency-Key, take effect once and answer the same. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class IdempotentWritesTest {

    final UUID funder = UUID.randomUUID();
    final UUID distributor = UUID.randomUUID();

    static ValidatableResponse post(String role, UUID party, String key, String path, Object body) {
        return given().header("Authorization", TestTokens.bearer(role, party)).header("Idempotency-Key", key)
                .contentType("application/json").body(body).when().post(path).then();
    }

    @Test
    void aLargeOrderRepeated_reservesTheBudgetOnce() {
        UUID programmeId = openProgramme(funder, 20_000, 10); // two books
        String key = "job-" + programmeId;
        String path = "/programmes/" + programmeId + "/order-jobs";
        String first = post(Roles.FUNDER, funder, key, path, Map.of("books", 1)).statusCode(202)
                .extract().path("jobId");
        String again = post(Roles.FUNDER, funder, key, path, Map.of("books", 1)).statusCode(202)
                .header("Idempotency-Replayed", "true").extract().path("jobId");
        assertThat(again).isEqualTo(first);
        order(funder, programmeId, 1).statusCode(201); // the second book still fits: the replay reserved nothing
        order(funder, programmeId, 1).statusCode(409).body("code", equalTo("budget-exceeded"));
    }

    @Test
    void aBookHandedOutTwiceUnderOneKey_goesToOneBeneficiary_andACancellationRepeatedAnswersTheSame() {
        UUID programmeId = openProgramme(funder, 100_000, 5);
        JsonPath placed = placeOrder(funder, programmeId, 2);
        fund(Roles.FUNDER, funder, programmeId, placed.getString("orderId")).statusCode(200);
        List<String> books = placed.<String>getList("vouchers.bookId").stream().distinct().toList();
        registerDistributor(funder, programmeId, distributor).statusCode(201);
        consign(funder, programmeId, distributor, List.of(books.get(0))).statusCode(201);

        String key = "book-" + books.get(0);
        String first = post(Roles.DISTRIBUTOR, distributor, key, "/vouchers/book-distributions",
                Map.of("bookId", books.get(0))).statusCode(201).extract().path("beneficiaryRef");
        String again = post(Roles.DISTRIBUTOR, distributor, key, "/vouchers/book-distributions",
                Map.of("bookId", books.get(0))).statusCode(201).header("Idempotency-Replayed", "true")
                .extract().path("beneficiaryRef");
        assertThat(again).isEqualTo(first);

        String cancel = "/programmes/" + programmeId + "/books/" + books.get(1) + "/cancellation";
        post(Roles.FUNDER, funder, "cancel-" + books.get(1), cancel, Map.of("reason", "spare")).statusCode(200)
                .body("releasedCents", equalTo(5_000));
        post(Roles.FUNDER, funder, "cancel-" + books.get(1), cancel, Map.of("reason", "spare")).statusCode(200)
                .header("Idempotency-Replayed", "true").body("releasedCents", equalTo(5_000));
    }
}
