package org.passledger.redemption.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passledger.redemption.api.Redeeming.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.passledger.redemption.api.LedgerFixtures.TestVoucher;
import org.passledger.testkit.LedgerTestResources;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class ConcurrentRedemptionTest {

    static final int ATTEMPTS = 50;

    @Inject
    Clock clock;

    @Test
    void fiftyConcurrentRedemptionsOfOneVoucher_giveExactlyOneSuccess_andOneStoredEvent() throws Exception {
        LedgerFixtures ledger = new LedgerFixtures(clock);
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.distributedVoucher();

        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return redeem(place, voucher.code(), "atelier-collectif").extract();
                }));
            }
            start.countDown();
            List<ExtractableResponse<Response>> answers = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> attempt : attempts) {
                answers.add(attempt.get());
            }

            assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
            assertThat(answers).filteredOn(r -> r.statusCode() != 201)
                    .hasSize(ATTEMPTS - 1)
                    .allSatisfy(r -> {
                        assertThat(r.statusCode()).isEqualTo(409);
                        assertThat(r.<String>path("code"))
                                .isIn("voucher-already-redeemed", "concurrent-modification");
                    });
            assertThat(LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redeemed.v1")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
