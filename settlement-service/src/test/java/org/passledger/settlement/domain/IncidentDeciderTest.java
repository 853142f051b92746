package org.passledger.settlement.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.ClawbackApplied;
import org.passledger.events.SettlementEvent.DebitNoteIssued;
import org.passledger.events.SettlementEvent.IncidentDismissed;
import org.passledger.events.SettlementEvent.IncidentOpened;
import org.passledger.events.SettlementEvent.IncidentValidated;
import org.passledger.settlement.recovery.Incident;
import org.passledger.settlement.recovery.IncidentCommand;
import org.passledger.settlement.recovery.IncidentCommand.ApplyClawback;
import org.passledger.settlement.recovery.IncidentCommand.DismissIncident;
import org.passledger.settlement.recovery.IncidentCommand.IssueDebitNote;
import org.passledger.settlement.recovery.IncidentCommand.OpenIncident;
import org.passledger.settlement.recovery.IncidentCommand.ValidateIncident;
import org.passledger.settlement.recovery.IncidentState;

class IncidentDeciderTest {

    static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    static final UUID INCIDENT = UUID.randomUUID();
    static final UUID PLACE = UUID.randomUUID();
    static final UUID VOUCHER = UUID.randomUUID();
    static final UUID STATEMENT = UUID.randomUUID();

    final DeciderSpec<IncidentCommand, IncidentState, SettlementEvent> spec =
            DeciderSpec.of(new Incident(Clock.fixed(NOW, ZoneOffset.UTC)));

    static IncidentOpened opened() {
        return new IncidentOpened(INCIDENT, PLACE, "fraud", List.of(VOUCHER), 3000, "never came", NOW);
    }

    static IncidentValidated validated() {
        return new IncidentValidated(INCIDENT, PLACE, 3000, NOW);
    }

    @Test
    void open_statesTheIncident() {
        spec.given().when(new OpenIncident(INCIDENT, PLACE, "fraud", List.of(VOUCHER), 3000, "never came", 3000))
                .then(opened());
    }

    @Test
    void open_isRefused_aboveWhatWasReimbursed_orOfAnUnknownKind() {
        spec.given().when(new OpenIncident(INCIDENT, PLACE, "fraud", List.of(VOUCHER), 3001, "x", 3000))
                .thenRejectedWith("incident-amount-too-high");
        spec.given().when(new OpenIncident(INCIDENT, PLACE, "typo", List.of(VOUCHER), 10, "x", 3000))
                .thenRejectedWith("invalid-incident-kind");
        spec.given().when(new OpenIncident(INCIDENT, PLACE, "fraud", List.of(VOUCHER, VOUCHER), 10, "x", 3000))
                .thenRejectedWith("invalid-voucher-list");
    }

    @Test
    void validateAndDismiss_onlyFromOpen() {
        spec.given(opened()).when(new ValidateIncident(INCIDENT)).then(validated());
        spec.given(opened()).when(new DismissIncident(INCIDENT, "proof missing"))
                .then(new IncidentDismissed(INCIDENT, PLACE, "proof missing", NOW));
        spec.given(opened(), validated()).when(new ValidateIncident(INCIDENT)).thenRejectedWith("incident-not-open");
        spec.given(opened(), validated()).when(new DismissIncident(INCIDENT, "late"))
                .thenRejectedWith("incident-not-open");
        spec.given().when(new ValidateIncident(INCIDENT)).thenRejectedWith("incident-not-found");
    }

    @Test
    void recovery_onlyOnceValidated_andNeverBeyondTheAmount() {
        spec.given(opened()).when(new ApplyClawback(INCIDENT, STATEMENT, 100))
                .thenRejectedWith("incident-not-validated");
        spec.given(opened(), validated()).when(new ApplyClawback(INCIDENT, STATEMENT, 1000))
                .then(new ClawbackApplied(INCIDENT, PLACE, STATEMENT, 1000, NOW));
        spec.given(opened(), validated(), new ClawbackApplied(INCIDENT, PLACE, STATEMENT, 1000, NOW))
                .when(new IssueDebitNote(INCIDENT, "ND-2026-000001", 2000))
                .then(new DebitNoteIssued(INCIDENT, PLACE, "ND-2026-000001", 2000, NOW));
    }
}
