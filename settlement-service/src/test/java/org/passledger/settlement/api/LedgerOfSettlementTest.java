package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.passledger.settlement.api.SettlementFixtures.newPeriod;
import static org.passledger.settlement.api.SettlementFixtures.redeem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.CloudEvents;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.settlement.api.SettlementFixtures.Period;
import org.passledger.settlement.api.SettlementFixtures.Redemption;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

/** The ledger books what this service itself emits: reimbursements and the payment, each citing its event. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class LedgerOfSettlementTest {

    @Test
    void aPaidStatement_isCreditedToThePlaceVoucherByVoucher_andDebitedByThePayment() {
        Period period = newPeriod();
        UUID place = UUID.randomUUID();
        Redemption first = redeem(place, 1_200, period.at(Duration.ofHours(10)));
        Redemption second = redeem(place, 800, period.at(Duration.ofHours(11)));
        SettlementLifecycleTest.awaitPayable(List.of(first, second));
        JsonPath run = SettlementLifecycleTest.runSettlement(period, "ledger-" + period.start());
        String statementId = (String) SettlementLifecycleTest.statementOf(run, place).get("statementId");
        SettlementFixtures.verifiedAccount(place);
        given().header("Authorization", SettlementLifecycleTest.operator())
                .contentType("application/json").body(Map.of("bankReference", "SEPA-" + statementId))
                .when().post("/statements/" + statementId + "/payment-confirmation")
                .then().statusCode(200);

        String paymentEvent = KafkaTopics.header(SettlementFixtures.awaitRecord(Topics.SETTLEMENTS, statementId,
                "settlement.payment-confirmed.v1"), CloudEvents.ID);
        String firstEvent = KafkaTopics.header(SettlementFixtures.awaitRecord(Topics.SETTLEMENTS,
                first.voucherId().toString(), "voucher.reimbursed.v1"), CloudEvents.ID);
        String secondEvent = KafkaTopics.header(SettlementFixtures.awaitRecord(Topics.SETTLEMENTS,
                second.voucherId().toString(), "voucher.reimbursed.v1"), CloudEvents.ID);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath statement = given().header("Authorization", TestTokens.bearer(Roles.STRUCTURE, place))
                    .when().get("/ledger/accounts/place:" + place + "/statement")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(statement.getList("entries.sourceEventId", String.class))
                    .containsExactlyInAnyOrder(firstEvent, secondEvent, paymentEvent);
            assertThat(statement.getLong("totalCreditCents")).isEqualTo(2_000);
            assertThat(statement.getLong("totalDebitCents")).isEqualTo(2_000);
            assertThat(statement.getLong("closingBalanceCents")).isZero();
        });
    }
}
