package org.passledger.redemption.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.passledger.events.StructureEvent;
import org.passledger.events.StructureEvent.LabelExpired;
import org.passledger.events.StructureEvent.LabelGranted;
import org.passledger.events.StructureEvent.LabelReinstated;
import org.passledger.events.StructureEvent.LabelRenewed;
import org.passledger.events.StructureEvent.LabelRevoked;
import org.passledger.events.StructureEvent.LabelSuspended;

/**
 * When a place's "numérique inclusif" label was in force, from the effective dates the labelling events carry,
 * so that "was this place labelled at instant T" has one answer whatever the order the question comes in.
 *
 * <p>In force at T means: T's calendar day in Europe/Paris lies in a convention period (granted or renewed,
 * {@code validFrom..validUntil} inclusive) that had not ended yet (revocation ends every period from its
 * effective instant, expiry from the day after its last day), and T is in no suspension interval
 * ({@code LabelSuspended.effectiveAt} inclusive to {@code LabelReinstated.effectiveAt} exclusive, open while
 * not reinstated).
 */
public record LabelHistory(List<Period> periods, List<Suspension> suspensions) {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final LabelHistory NONE = new LabelHistory(List.of(), List.of());

    /** A convention period; {@code endedAt} is set when a revocation cut it short. */
    public record Period(LocalDate validFrom, LocalDate validUntil, Instant endedAt) {

        public Period {
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(validUntil, "validUntil");
        }

        boolean covers(Instant instant) {
            LocalDate day = LocalDate.ofInstant(instant, PARIS);
            return !day.isBefore(validFrom) && !day.isAfter(validUntil)
                    && (endedAt == null || instant.isBefore(endedAt));
        }
    }

    /** A suspension; {@code until} is null while the label is not reinstated. */
    public record Suspension(Instant from, Instant until) {

        public Suspension {
            Objects.requireNonNull(from, "from");
        }

        boolean covers(Instant instant) {
            return !instant.isBefore(from) && (until == null || instant.isBefore(until));
        }

        boolean open() {
            return until == null;
        }
    }

    public LabelHistory {
        periods = List.copyOf(periods);
        suspensions = List.copyOf(suspensions);
    }

    public boolean inForceAt(Instant instant) {
        return periods.stream().anyMatch(p -> p.covers(instant))
                && suspensions.stream().noneMatch(s -> s.covers(instant));
    }

    /** The history after one more labelling event; events that say nothing of the label leave it as it is. */
    public LabelHistory apply(StructureEvent event) {
        if (event instanceof LabelGranted granted) {
            return withPeriod(new Period(granted.validFrom(), granted.validUntil(), null));
        }
        if (event instanceof LabelRenewed renewed) {
            return withPeriod(new Period(renewed.validFrom(), renewed.validUntil(), null));
        }
        if (event instanceof LabelSuspended suspended) {
            if (suspensions.stream().anyMatch(Suspension::open)) {
                return this; // already suspended: the first suspension still runs
            }
            List<Suspension> next = new ArrayList<>(suspensions);
            next.add(new Suspension(suspended.effectiveAt(), null));
            return new LabelHistory(periods, next);
        }
        if (event instanceof LabelReinstated reinstated) {
            return new LabelHistory(periods, suspensions.stream()
                    .map(s -> s.open() ? new Suspension(s.from(), reinstated.effectiveAt()) : s)
                    .toList());
        }
        if (event instanceof LabelRevoked revoked) {
            Instant at = revoked.effectiveAt();
            return new LabelHistory(periods.stream()
                    .map(p -> p.endedAt() == null || p.endedAt().isAfter(at)
                            ? new Period(p.validFrom(), p.validUntil(), at) : p)
                    .toList(), suspensions);
        }
        if (event instanceof LabelExpired expired) {
            LocalDate lastDay = expired.expiredOn();
            return new LabelHistory(periods.stream()
                    .map(p -> !p.validFrom().isAfter(lastDay) && p.validUntil().isAfter(lastDay)
                            ? new Period(p.validFrom(), lastDay, p.endedAt()) : p)
                    .toList(), suspensions);
        }
        return this;
    }

    private LabelHistory withPeriod(Period period) {
        List<Period> next = new ArrayList<>(periods);
        next.add(period);
        return new LabelHistory(next, suspensions);
    }
}
