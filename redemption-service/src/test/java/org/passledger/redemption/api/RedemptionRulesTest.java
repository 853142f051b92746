package org.passledger.redemption.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.redemption.api.Redeeming.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passledger.redemption.api.LedgerFixtures.TestVoucher;
import org.passledger.testkit.LedgerTestResources;

/** Each refusal, once the projections hold every event that matters, and that a refusal writes nothing. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class RedemptionRulesTest {

    static final List<String> GARD = List.of("30");
    static final List<String> WORKSHOPS = List.of("atelier-collectif");

    @Inject
    TestClock clock;

    LedgerFixtures ledger;

    @BeforeEach
    void fixtures() {
        ledger = new LedgerFixtures(clock);
    }

    @Test
    void redeem_isRejected_whenTheCodeIsUnknown() {
        LedgerFixtures.awaitIssuanceCaughtUp();
        redeem(ledger.labelledPlace(), "PN00-0000-0000", "atelier-collectif")
                .statusCode(404).body("code", equalTo("unknown-voucher"));
    }

    @Test
    void redeem_isRejected_whenTheVoucherIsNotActivated() throws Exception {
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.voucher(GARD, WORKSHOPS, false, false);
        redeem(place, voucher.code(), "atelier-collectif")
                .statusCode(409).body("code", equalTo("voucher-not-activated"));
        assertNothingRecorded(voucher);
    }

    @Test
    void redeem_isRejected_whenTheVoucherIsNotDistributed() throws Exception {
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.voucher(GARD, WORKSHOPS, true, false);
        redeem(place, voucher.code(), "atelier-collectif")
                .statusCode(409).body("code", equalTo("voucher-not-distributed"));
        assertNothingRecorded(voucher);
    }

    @Test
    void redeem_isRejected_whenLabelSuspended_andAcceptedOnceReinstated() throws Exception {
        UUID place = ledger.labelledPlace();
        ledger.suspend(place, 4, clock.instant().minusSeconds(60));
        TestVoucher voucher = ledger.distributedVoucher();
        redeem(place, voucher.code(), "atelier-collectif")
                .statusCode(409).body("code", equalTo("structure-not-labelled"));
        assertNothingRecorded(voucher);

        ledger.reinstate(place, 5, clock.instant());
        redeem(place, voucher.code(), "atelier-collectif").statusCode(201);
    }

    @Test
    void redeem_isRejected_whenThePlaceIsNotKnownToHaveALabel() throws Exception {
        TestVoucher voucher = ledger.distributedVoucher();
        redeem(UUID.randomUUID(), voucher.code(), "atelier-collectif")
                .statusCode(409).body("code", equalTo("structure-not-labelled"));
        assertNothingRecorded(voucher);
    }

    @Test
    void redeem_isRejected_outsideTheVoucherTerritory() throws Exception {
        UUID herault = ledger.labelledPlace("34", "34000");
        TestVoucher voucher = ledger.voucher(GARD, WORKSHOPS, true, true);
        redeem(herault, voucher.code(), "atelier-collectif")
                .statusCode(409).body("code", equalTo("outside-territory"));
        assertNothingRecorded(voucher);
    }

    @Test
    void redeem_isRejected_forAServiceTheVoucherDoesNotPayFor() throws Exception {
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.voucher(GARD, WORKSHOPS, true, true);
        redeem(place, voucher.code(), "accompagnement-individuel")
                .statusCode(409).body("code", equalTo("service-not-allowed"));
        assertNothingRecorded(voucher);
    }

    @Test
    void aRefusedRequest_leavesItsIdempotencyKeyFree_forTheCorrectedRetry() {
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.voucher(GARD, WORKSHOPS, true, true);
        String key = UUID.randomUUID().toString();
        redeem(place, voucher.code(), "accompagnement-individuel", key)
                .statusCode(409).body("code", equalTo("service-not-allowed"));
        redeem(place, voucher.code(), "atelier-collectif", key).statusCode(201);
    }

    @Test
    void redeem_isRejected_whenIssuanceDeclaredTheVoucherExpired() throws Exception {
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.distributedVoucher();
        ledger.expire(voucher);
        redeem(place, voucher.code(), "atelier-collectif")
                .statusCode(409).body("code", equalTo("voucher-expired"));
        assertNothingRecorded(voucher);
    }

    @Test
    void redeem_isRejected_onceTheAcceptanceDateIsPast() throws Exception {
        UUID place = ledger.labelledPlace();
        TestVoucher voucher = ledger.distributedVoucher(); // accepted until a year and a month from today
        clock.advance(Duration.ofDays(366 + 31 + 1));
        try {
            redeem(place, voucher.code(), "atelier-collectif")
                    .statusCode(409).body("code", equalTo("voucher-expired"));
        } finally {
            clock.reset();
        }
        assertNothingRecorded(voucher);
    }

    private static void assertNothingRecorded(TestVoucher voucher) throws Exception {
        assertThat(LedgerFixtures.storedEvents(voucher.voucherId(), "voucher.redeemed.v1")).isZero();
    }
}
