package org.passledger.redemption.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.passledger.redemption.api.Redeeming.body;
import static org.passledger.redemption.api.Redeeming.redeem;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.redemption.api.LedgerFixtures.TestVoucher;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/**
 * Redemptions sent all at once are answered by shared transactions (group commit), and each is answered as it
 * would be alone: its own event with its own correlation id, one winner per voucher, replays of one key, refusals
 * that give their key back, unknown codes.
 */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class GroupCommitRedemptionTest {

    static final int DISTINCT = 40;
    static final int CONTESTED = 10;
    static final int SAME_KEY = 6;
    static final String SERVICE = "atelier-collectif";

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    @Test
    void aBurstOfRedemptions_sharesTransactions_andAnswersEachAsAlone() throws Exception {
        LedgerFixtures ledger = new LedgerFixtures(clock);
        UUID place = ledger.labelledPlace();
        List<TestVoucher> distinct = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            distinct.add(ledger.distributedVoucher());
        }
        TestVoucher contested = ledger.distributedVoucher();
        TestVoucher replayed = ledger.distributedVoucher();
        LedgerFixtures.awaitIssuanceCaughtUp();
        double groupedBefore = grouped();

        List<String> correlationIds = new ArrayList<>();
        List<Callable<ExtractableResponse<Response>>> requests = new ArrayList<>();
        for (TestVoucher voucher : distinct) {
            String correlationId = UUID.randomUUID().toString();
            correlationIds.add(correlationId);
            requests.add(() -> given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("X-Correlation-Id", correlationId)
                    .contentType("application/json").body(body(voucher.code(), SERVICE))
                    .when().post("/redemptions").then().extract());
        }
        List<String> contestedKeys = new ArrayList<>();
        for (int i = 0; i < CONTESTED; i++) {
            String key = UUID.randomUUID().toString();
            contestedKeys.add(key);
            requests.add(() -> redeem(place, contested.code(), SERVICE, key).extract());
        }
        String sharedKey = UUID.randomUUID().toString();
        for (int i = 0; i < SAME_KEY; i++) {
            requests.add(() -> redeem(place, replayed.code(), SERVICE, sharedKey).extract());
        }
        requests.add(() -> redeem(place, "PN00000000ZZ", SERVICE).extract());

        List<ExtractableResponse<Response>> answers = all(requests);

        List<ExtractableResponse<Response>> distinctAnswers = answers.subList(0, DISTINCT);
        assertThat(distinctAnswers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        for (int i = 0; i < DISTINCT; i++) {
            UUID voucherId = distinct.get(i).voucherId();
            assertThat(distinctAnswers.get(i).<String>path("voucherId")).isEqualTo(voucherId.toString());
            assertThat(LedgerFixtures.storedEvents(voucherId, "voucher.redeemed.v1")).isEqualTo(1);
            assertThat(correlationIdOf(voucherId)).isEqualTo(correlationIds.get(i));
        }

        List<ExtractableResponse<Response>> contestedAnswers = answers.subList(DISTINCT, DISTINCT + CONTESTED);
        assertThat(contestedAnswers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(contestedAnswers).filteredOn(r -> r.statusCode() != 201).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.<String>path("code")).isIn("voucher-already-redeemed", "concurrent-modification");
        });
        assertThat(LedgerFixtures.storedEvents(contested.voucherId(), "voucher.redeemed.v1")).isEqualTo(1);

        List<ExtractableResponse<Response>> replayedAnswers =
                answers.subList(DISTINCT + CONTESTED, DISTINCT + CONTESTED + SAME_KEY);
        assertThat(replayedAnswers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(replayedAnswers.stream().map(r -> r.<String>path("redemptionId")).distinct()).hasSize(1);
        assertThat(replayedAnswers).filteredOn(r -> "true".equals(r.header("Idempotency-Replayed")))
                .hasSize(SAME_KEY - 1);
        assertThat(LedgerFixtures.storedEvents(replayed.voucherId(), "voucher.redeemed.v1")).isEqualTo(1);

        assertThat(answers.get(answers.size() - 1).statusCode()).isEqualTo(404);
        assertThat(answers.get(answers.size() - 1).<String>path("code")).isEqualTo("unknown-voucher");

        // a refused redemption gave its key back: the same key redeems another voucher
        String refusedKey = contestedKeys.get(contestedAnswers.indexOf(contestedAnswers.stream()
                .filter(r -> r.statusCode() == 409).findFirst().orElseThrow()));
        TestVoucher another = ledger.distributedVoucher();
        redeem(place, another.code(), SERVICE, refusedKey).statusCode(201);

        assertThat(grouped() - groupedBefore).as("redemptions answered by a shared transaction").isPositive();
    }

    private double grouped() {
        var counter = meters.find("ledger.group-commit.commands").tag("command", "redeem").tag("mode", "grouped")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<ExtractableResponse<Response>> all(List<Callable<ExtractableResponse<Response>>> requests)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ExtractableResponse<Response>>> sent = new ArrayList<>();
            for (Callable<ExtractableResponse<Response>> request : requests) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<ExtractableResponse<Response>> answers = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String correlationIdOf(UUID voucherId) throws Exception {
        try (Connection connection = LedgerTestResources.database().connect();
             PreparedStatement query = connection.prepareStatement("select cast(correlation_id as text) from events"
                     + " where stream_id = ? and type = 'voucher.redeemed.v1'")) {
            query.setString(1, voucherId.toString());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
