package org.passledger.redemption.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.redemption.api.Redeeming.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passledger.events.EventEnvelope;
import org.passledger.events.StructureEvent.LabelGranted;
import org.passledger.events.StructureEvent.LabelSuspended;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.kernel.auth.Roles;
import org.passledger.redemption.api.LedgerFixtures.TestVoucher;
import org.passledger.redemption.projection.StructureLabelProjection;
import org.passledger.redemption.projection.VoucherEligibilityProjection;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** The projections apply each event once in effect, and a rebuild from the topics gives the same state. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class ProjectionReplayTest {

    static final String ISSUANCE = "/pass-ledger/issuance-service";
    static final String LABELLING = "/pass-ledger/labelling-service";

    @Inject
    Clock clock;

    LedgerFixtures ledger;

    @BeforeEach
    void fixtures() {
        ledger = new LedgerFixtures(clock);
    }

    @Test
    void aRedeliveredVoucherEvent_changesNothing() throws Exception {
        TestVoucher voucher = ledger.voucher(List.of("30"), List.of(), false, false);
        EventEnvelope activated = ledger.publish(Topics.VOUCHERS, ISSUANCE, 2, new VoucherActivated(
                voucher.voucherId(), voucher.programmeId(), voucher.funderId(), "OP-2026-0042", clock.instant()));
        LedgerFixtures.deliver(Topics.VOUCHERS, activated);
        // a later event on the same key is applied after the redelivery, so once it counts the redelivery was seen
        ledger.publish(Topics.VOUCHERS, ISSUANCE, 3, new VoucherCancelled(voucher.voucherId(),
                voucher.programmeId(), voucher.funderId(), 1000, "book lost", clock.instant()));
        await().atMost(LedgerFixtures.PATIENCE).until(() -> cancelled(voucher.voucherId()));

        assertThat(LedgerFixtures.eventsApplied("voucher_eligibility", "voucher_id", voucher.voucherId())).isEqualTo(3);
        redeem(ledger.labelledPlace(), voucher.code(), "atelier-collectif")
                .statusCode(409).body("code", equalTo("voucher-cancelled"));
    }

    @Test
    void aRedeliveredLabelEvent_addsNoSecondPeriod() throws Exception {
        UUID place = ledger.labelledPlace();
        LocalDate today = LocalDate.ofInstant(clock.instant(), LedgerFixtures.PARIS);
        EventEnvelope renewedGrant = ledger.publish(Topics.STRUCTURES, LABELLING, 4, new LabelGranted(place,
                "ANCT-2026-030-0002", today.plusYears(3), today.plusYears(6), "30", clock.instant()));
        LedgerFixtures.deliver(Topics.STRUCTURES, renewedGrant);
        ledger.publish(Topics.STRUCTURES, LABELLING, 5, new LabelSuspended(place, "Contrôle qualité",
                clock.instant().plusSeconds(3600)));
        await().atMost(LedgerFixtures.PATIENCE)
                .until(() -> labelRows(place).stream().anyMatch(row -> row.startsWith("suspension")));

        assertThat(LedgerFixtures.eventsApplied("structure_label", "structure_id", place)).isEqualTo(5);
        assertThat(labelRows(place)).hasSize(3); // two periods, one suspension
    }

    @Test
    void rebuildingThePlaceProjection_fromTheTopic_givesTheSameState() throws Exception {
        UUID place = ledger.labelledPlace();
        Instant suspendedAt = clock.instant().minusSeconds(60);
        ledger.publish(Topics.STRUCTURES, LABELLING, 4, new LabelSuspended(place, "Contrôle qualité", suspendedAt));
        LedgerFixtures.awaitApplied("structure_label", "structure_id", place, 4);
        List<String> before = labelRows(place);

        given().header("Authorization", TestTokens.bearer(Roles.OPERATOR, "ops"))
                .when().post("/admin/projections/" + StructureLabelProjection.NAME + "/rebuild")
                .then().statusCode(200).body("projection", equalTo(StructureLabelProjection.NAME));

        assertThat(LedgerFixtures.eventsApplied("structure_label", "structure_id", place)).isEqualTo(4);
        assertThat(labelRows(place)).isEqualTo(before).hasSize(2);
        redeem(place, ledger.distributedVoucher().code(), "atelier-collectif")
                .statusCode(409).body("code", equalTo("structure-not-labelled"));
    }

    @Test
    void rebuildingVoucherEligibility_underLoad_redemptionsKeepSucceeding_andTheRebuiltModelEqualsTheLiveOne()
            throws Exception {
        UUID place = ledger.labelledPlace();
        List<TestVoucher> vouchers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            vouchers.add(ledger.distributedVoucher());
        }
        List<String> live = eligibilityRows();

        AtomicBoolean rebuilding = new AtomicBoolean();
        AtomicInteger duringRebuild = new AtomicInteger();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        Thread counter = new Thread(() -> vouchers.forEach(voucher -> {
            statuses.add(redeem(place, voucher.code(), "atelier-collectif").extract().statusCode());
            if (rebuilding.get()) {
                duringRebuild.incrementAndGet();
            }
        }));
        counter.start();
        int rebuilds = 0;
        while (counter.isAlive() || rebuilds == 0) {
            rebuilding.set(true);
            given().header("Authorization", TestTokens.bearer(Roles.OPERATOR, "ops"))
                    .when().post("/admin/projections/" + VoucherEligibilityProjection.NAME + "/rebuild")
                    .then().statusCode(200);
            rebuilding.set(false);
            rebuilds++;
        }
        counter.join();

        assertThat(statuses).hasSize(vouchers.size()).containsOnly(201);
        assertThat(duringRebuild.get()).as("redemptions answered while a rebuild ran").isPositive();
        assertThat(eligibilityRows()).isEqualTo(live);
    }

    /** Every row of voucher_eligibility as text, but the time it was last written. */
    private static List<String> eligibilityRows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = LedgerTestResources.database().connect();
             ResultSet row = connection.createStatement().executeQuery("""
                     select concat_ws('|', voucher_id, code_hash, programme_id, funder_id, face_value_cents, territory,
                            allowed_services, valid_until, accepted_until, issued_at, activated_at, distributed_at,
                            cancelled_at, expired_at, events_applied)
                     from voucher_eligibility order by voucher_id""")) {
            while (row.next()) {
                rows.add(row.getString(1));
            }
        }
        return rows;
    }

    private static boolean cancelled(UUID voucher) throws Exception {
        try (Connection connection = LedgerTestResources.database().connect();
             PreparedStatement query = connection.prepareStatement(
                     "select cancelled_at is not null from voucher_eligibility where voucher_id = ?")) {
            query.setObject(1, voucher);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** The place's periods and suspensions as text, in order. */
    private static List<String> labelRows(UUID place) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = LedgerTestResources.database().connect();
             PreparedStatement query = connection.prepareStatement("""
                     select 'period ' || ordinal || ' ' || valid_from || '..' || valid_until || ' ' || coalesce(cast(ended_at as text), '-')
                     from structure_label_period where structure_id = ?
                     union all
                     select 'suspension ' || ordinal || ' ' || suspended_at || '..' || coalesce(cast(reinstated_at as text), '-')
                     from structure_label_suspension where structure_id = ?
                     order by 1""")) {
            query.setObject(1, place);
            query.setObject(2, place);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getString(1));
                }
            }
        }
        return rows;
    }
}
