package org.passledger.redemption.api;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.TestTokens;

/** POST /redemptions as a place would send it. */
final class Redeeming {

    private Redeeming() {
    }

    static Map<String, Object> body(String code, String service) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("service", service);
        body.put("sessionReference", "ATELIER-2026-03-14-AM");
        body.put("staffMember", "c.martin");
        return body;
    }

    static ValidatableResponse redeem(UUID place, String code, String service, String idempotencyKey) {
        return given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                .header("Idempotency-Key", idempotencyKey)
                .contentType("application/json").body(body(code, service))
                .when().post("/redemptions")
                .then();
    }

    static ValidatableResponse redeem(UUID place, String code, String service) {
        return redeem(place, code, service, UUID.randomUUID().toString());
    }
}
