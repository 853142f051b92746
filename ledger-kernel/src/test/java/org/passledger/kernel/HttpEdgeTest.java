package org.passledger.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.kernel.testapp.KernelApi;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** Problem details, authentication and idempotency keys, as every endpoint of every service gets them. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class HttpEdgeTest {

    @Test
    void malformedJson_is400ProblemJson_andWritesNothing() {
        UUID voucher = UUID.randomUUID();
        KernelApi.asOperator().body("{\"validUntil\": ").post("/test/vouchers/" + voucher + "/extensions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("malformed-json"))
                .body(not(containsString("java.")));
        assertThat(KernelApi.countEvents(voucher.toString())).isZero();
    }

    @Test
    void missingAndInvalidFields_areEachNamed() {
        UUID voucher = UUID.randomUUID();
        KernelApi.asOperator().body("{\"validUntil\": \"2026-12-31\", \"expectedVersion\": -1}")
                .post("/test/vouchers/" + voucher + "/extensions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("violations.field", hasItem("acceptedUntil"))
                .body("violations.field", hasItem("expectedVersion"));
        KernelApi.asOperator().body("{\"validUntil\": \"31/12/2026\", \"acceptedUntil\": \"2027-01-31\", \"expectedVersion\": 0}")
                .post("/test/vouchers/" + voucher + "/extensions")
                .then().statusCode(400).body("violations.field", hasItem("validUntil"))
                .body(not(containsString("java.")));
        assertThat(KernelApi.countEvents(voucher.toString())).isZero();
    }

    @Test
    void unknownId_is404Problem() {
        KernelApi.asOperator().get("/test/vouchers/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("voucher-not-found"));
        KernelApi.asOperator().get("/test/vouchers/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void noToken_is401_wrongRole_is403_badSignature_is401() {
        UUID voucher = UUID.randomUUID();
        given().contentType("application/json").body(KernelApi.extension(0, "2027-01-31"))
                .post("/test/vouchers/" + voucher + "/extensions")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthenticated"));
        given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, UUID.randomUUID()))
                .contentType("application/json").body(KernelApi.extension(0, "2027-01-31"))
                .post("/test/vouchers/" + voucher + "/extensions")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        String token = TestTokens.token(Roles.OPERATOR, "operator-1");
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header("Authorization", "Bearer " + forged)
                .contentType("application/json").body(KernelApi.extension(0, "2027-01-31"))
                .post("/test/vouchers/" + voucher + "/extensions")
                .then().statusCode(401);
        assertThat(KernelApi.countEvents(voucher.toString())).isZero();
    }

    @Test
    void sameIdempotencyKeyAndBody_replaysTheFirstAnswer_anotherBodyIs422() {
        UUID voucher = UUID.randomUUID();
        String key = "order-" + UUID.randomUUID();
        String first = KernelApi.asOperator().header("Idempotency-Key", key).body(KernelApi.extension(0, "2027-01-31"))
                .post("/test/vouchers/" + voucher + "/extensions")
                .then().statusCode(201).extract().asString();

        KernelApi.asOperator().header("Idempotency-Key", key).body(KernelApi.extension(0, "2027-01-31"))
                .post("/test/vouchers/" + voucher + "/extensions")
                .then().statusCode(201).header("Idempotency-Replayed", "true").body(equalTo(first));
        KernelApi.asOperator().header("Idempotency-Key", key).body(KernelApi.extension(0, "2027-03-31"))
                .post("/test/vouchers/" + voucher + "/extensions")
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("idempotency-key-reused"));

        assertThat(KernelApi.countEvents(voucher.toString())).isEqualTo(1);
    }

    @Test
    void aRefusedCommand_leavesItsKeyFree_forACorrectedRetry() {
        UUID voucher = UUID.randomUUID();
        String key = "retry-" + UUID.randomUUID();
        KernelApi.asOperator().header("Idempotency-Key", key).body(KernelApi.extension(3, "2027-01-31"))
                .post("/test/vouchers/" + voucher + "/extensions").then().statusCode(409);
        KernelApi.asOperator().header("Idempotency-Key", key).body(KernelApi.extension(0, "2027-01-31"))
                .post("/test/vouchers/" + voucher + "/extensions").then().statusCode(201);
    }
}
