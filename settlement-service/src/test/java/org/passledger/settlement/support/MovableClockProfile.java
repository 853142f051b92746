package org.passledger.settlement.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/** A test application on a {@link MovableClock}, whose debit-note job runs every second. */
public class MovableClockProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // the scheduler is off in the test profile; this application is the one whose debit-note job must run
        return Map.of("quarkus.scheduler.enabled", "true",
                "ledger.settlement.debit-notes.every", "1s", "ledger.settlement.debit-notes.delayed", "5s");
    }
}
