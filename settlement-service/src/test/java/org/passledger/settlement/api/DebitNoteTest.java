package org.passledger.settlement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.passledger.settlement.api.IncidentFixtures.confirm;
import static org.passledger.settlement.api.IncidentFixtures.incident;
import static org.passledger.settlement.api.IncidentFixtures.openIncident;
import static org.passledger.settlement.api.IncidentFixtures.operator;
import static org.passledger.settlement.api.IncidentFixtures.statement;
import static org.passledger.settlement.api.IncidentFixtures.validate;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.auth.Roles;
import org.passledger.settlement.api.IncidentFixtures.Issued;
import org.passledger.settlement.support.MovableClock;
import org.passledger.settlement.support.MovableClockProfile;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@TestProfile(MovableClockProfile.class)
@QuarkusTestResource(LedgerTestResources.class)
class DebitNoteTest {

    @Inject
    MovableClock clock;

    static List<String> runIncidents() {
        return given().header("Authorization", operator())
                .when().post("/debit-note-runs")
                .then().statusCode(200).extract().jsonPath().getList("debitNotes.incidentId");
    }

    static long debitNoteEvents(String incidentId) {
        return SettlementFixtures.count("""
                select count(*) from events where type = 'settlement.debit-note-issued.v1' and stream_id = ?""",
                incidentId);
    }

    @Test
    void whatNoPayoutRecoveredIn90Days_isClaimedByOneDebitNote_andAPayoutDefersIt() {
        UUID idle = UUID.randomUUID();
        UUID active = UUID.randomUUID();
        Issued idleFirst = statement(idle, Instant.now(), 600);
        Issued activeFirst = statement(active, Instant.now(), 1000);
        SettlementFixtures.verifiedAccount(idle);
        SettlementFixtures.verifiedAccount(active);
        confirm(idleFirst.statementId(), "SEPA-I");
        confirm(activeFirst.statementId(), "SEPA-A");
        String idleIncident = openIncident(idle, "fraud", List.of(idleFirst.voucher(0)), 600);
        String activeIncident = openIncident(active, "overpayment", List.of(activeFirst.voucher(0)), 1000);
        validate(idleIncident);
        validate(activeIncident);

        assertThat(runIncidents()).doesNotContain(idleIncident, activeIncident);

        // 50 days on, the active place is paid 300: clawed back, 700 left, its 90 days start again
        clock.move(Duration.ofDays(50));
        Issued activeSecond = statement(active, clock.instant(), 300);
        assertThat(confirm(activeSecond.statementId(), "SEPA-A2").getLong("amountCents")).isZero();
        assertThat(runIncidents()).doesNotContain(idleIncident, activeIncident);

        // 91 days after validation: the idle place gets a debit note for all of it, once
        clock.move(Duration.ofDays(41));
        await().atMost(Duration.ofSeconds(30)).until(() -> debitNoteEvents(idleIncident) == 1);
        assertThat(runIncidents()).doesNotContain(idleIncident, activeIncident);
        assertThat(debitNoteEvents(idleIncident)).isEqualTo(1);
        var idleView = incident(idleIncident);
        assertThat(idleView.getLong("debitNotedCents")).isEqualTo(600);
        assertThat(idleView.getLong("outstandingCents")).isZero();
        assertThat(idleView.getString("debitNotes[0].debitNoteNumber")).matches("ND-\\d{4}-\\d{6}");
        assertThat(debitNoteEvents(activeIncident)).isZero();

        // 91 days after the active place's last payout: the 700 left are claimed
        clock.move(Duration.ofDays(50));
        await().atMost(Duration.ofSeconds(30)).until(() -> debitNoteEvents(activeIncident) == 1);
        var activeView = incident(activeIncident);
        assertThat(activeView.getLong("recoveredCents")).isEqualTo(300);
        assertThat(activeView.getLong("debitNotedCents")).isEqualTo(700);
        assertThat(activeView.getLong("outstandingCents")).isZero();
        assertThat(runIncidents()).isEmpty();

        // numbers have no gaps
        List<String> numbers = given().header("Authorization", operator())
                .when().get("/structures/" + idle + "/incidents")
                .then().statusCode(200).extract().jsonPath().getList("[0].debitNotes.debitNoteNumber");
        assertThat(numbers).hasSize(1);
        long issued = SettlementFixtures.count("select count(*) from debit_notes");
        long last = SettlementFixtures.count("select coalesce(sum(last_number), 0) from document_counters where series = 'ND'");
        assertThat(last).isEqualTo(issued);
        given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "agency-1"))
                .when().post("/debit-note-runs").then().statusCode(403);
    }
}
