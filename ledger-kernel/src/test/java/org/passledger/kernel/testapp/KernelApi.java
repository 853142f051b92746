package org.passledger.kernel.testapp;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** Calls of the kernel test application, as the tests phrase them. */
public final class KernelApi {

    private KernelApi() {
    }

    public static RequestSpecification asOperator() {
        return given().header("Authorization", TestTokens.bearer(Roles.OPERATOR, "operator-1")).contentType("application/json");
    }

    public static Response extend(UUID voucher, long expectedVersion, String acceptedUntil) {
        return asOperator().body(extension(expectedVersion, acceptedUntil))
                .post("/test/vouchers/" + voucher + "/extensions");
    }

    public static Map<String, Object> extension(long expectedVersion, String acceptedUntil) {
        return Map.of("validUntil", "2026-12-31", "acceptedUntil", acceptedUntil, "expectedVersion", expectedVersion);
    }

    public static long countEvents(String streamId) {
        try (Connection connection = LedgerTestResources.database().connect();
             PreparedStatement statement = connection.prepareStatement("select count(*) from events where stream_id = ?")) {
            statement.setString(1, streamId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
