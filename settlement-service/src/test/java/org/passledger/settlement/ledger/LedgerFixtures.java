package org.passledger.settlement.ledger;

import java.util.UUID;
import org.passledger.events.EventEnvelope;
import org.passledger.events.LedgerEvent;
import org.passledger.events.ProgrammeEvent;
import org.passledger.testkit.KafkaTopics;

/** Publishes events as their services would, and remembers the ids of those it published. */
final class LedgerFixtures {

    private LedgerFixtures() {
    }

    /** Publishes the event on its topic at its own time; returns the event id entries must cite. */
    static UUID publish(LedgerEvent event, java.time.Instant at) {
        return publish(event, at, UUID.randomUUID());
    }

    /** Publishes with the given event id: the same id again is a redelivery. */
    static UUID publish(LedgerEvent event, java.time.Instant at, UUID eventId) {
        String source = event instanceof ProgrammeEvent ? "/pass-ledger/issuance-service" : "/pass-ledger/settlement-service";
        EventEnvelope envelope = EventEnvelope.of(event, eventId, source, at, 1, UUID.randomUUID(), null,
                "operator:operator-1");
        KafkaTopics.send(org.passledger.events.EventCatalog.topicOf(event), envelope.kafkaKey(), envelope.kafkaValue(),
                envelope.toKafkaHeaders());
        return eventId;
    }
}
