package org.passledger.issuance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.passledger.issuance.api.IssuanceApi.get;
import static org.passledger.issuance.api.IssuanceApi.openProgramme;
import static org.passledger.issuance.api.IssuanceApi.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.LedgerTestResources;

/**
 * A large order's chunk that keeps failing: after the configured attempts (3 in tests) the job goes FAILED,
 * shows why, and waits for the operator, who retries it once the cause is gone; it carries on from there.
 */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class FailingOrderJobTest {

    final UUID funder = UUID.randomUUID();

    @Test
    void aChunkFailingAgainAndAgain_makesTheJobFailed_untilTheOperatorRetriesIt() {
        int books = 40; // 200 vouchers, 100 per chunk in tests
        UUID programmeId = openProgramme(funder, books * 5 * 1000L, 5);
        // the database refuses the codes of this programme's job once its first chunk is done
        sql("create function refuse_second_chunk() returns trigger language plpgsql as $$ begin "
                + "if exists (select 1 from order_jobs where order_id = new.order_id and books_issued > 0) then "
                + "raise exception 'voucher register unavailable'; end if; return new; end $$");
        sql("create trigger refuse_second_chunk before insert on voucher_codes for each row "
                + "when (new.programme_id = '" + programmeId + "') execute function refuse_second_chunk()");
        var accepted = post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/order-jobs",
                Map.of("books", books)).statusCode(202).extract();
        String jobPath = "/programmes/" + programmeId + "/order-jobs/" + accepted.path("jobId");
        try {
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    get(Roles.FUNDER, funder, jobPath).statusCode(200).body("status", equalTo("FAILED")));
            JsonPath failed = get(Roles.OPERATOR, "operator", jobPath).statusCode(200)
                    .body("attempts", equalTo(3)).body("booksIssued", equalTo(20))
                    .body("error", containsString("voucher register unavailable"))
                    .body("failedAt", notNullValue()).extract().jsonPath();
            assertThat(failed.getInt("progressPercent")).isEqualTo(50);
            // a FAILED job is no longer taken: its attempts stay where they are
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    get(Roles.OPERATOR, "operator", jobPath).body("attempts", equalTo(3))
                            .body("status", equalTo("FAILED")));
            IssuanceApi.fund(Roles.FUNDER, funder, programmeId, accepted.path("orderId")).statusCode(409)
                    .body("code", equalTo("order-still-being-issued"));
            get(Roles.FUNDER, funder, "/programmes/" + programmeId + "/orders/" + accepted.path("orderId")
                    + "/books.pdf").statusCode(409).body("code", equalTo("books-not-printed-yet"));
            post(Roles.FUNDER, funder, jobPath + "/retry", Map.of()).statusCode(403);
            post(Roles.OPERATOR, "operator", "/programmes/" + programmeId + "/order-jobs/" + UUID.randomUUID()
                    + "/retry", Map.of()).statusCode(404);
        } finally {
            sql("drop trigger if exists refuse_second_chunk on voucher_codes");
            sql("drop function if exists refuse_second_chunk()");
        }

        // the cause is gone: the operator puts the job back to work, and it carries on from the failed chunk
        post(Roles.OPERATOR, "operator", jobPath + "/retry", Map.of()).statusCode(200)
                .body("attempts", equalTo(0)).body("error", nullValue()).body("failedAt", nullValue())
                .body("status", equalTo("RUNNING")).body("booksIssued", equalTo(20));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                get(Roles.FUNDER, funder, jobPath).statusCode(200).body("status", equalTo("DONE"))
                        .body("booksIssued", equalTo(books)).body("attempts", equalTo(0))
                        .body("printStatus", equalTo("DONE")));
        post(Roles.OPERATOR, "operator", jobPath + "/retry", Map.of()).statusCode(409)
                .body("code", equalTo("job-not-failed"));
    }

    static void sql(String statement) {
        try (Connection connection = LedgerTestResources.database().connect();
             Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
