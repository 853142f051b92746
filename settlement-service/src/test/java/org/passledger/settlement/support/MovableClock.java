package org.passledger.settlement.support;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock under {@link MovableClockProfile} only: real time shifted by what a test moved it,
 * so that rules measured in days (debit notes after 90 days) can be reached.
 */
@Alternative
@Singleton
public class MovableClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    public void move(Duration by) {
        shift = shift.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application clock is UTC");
    }
}
