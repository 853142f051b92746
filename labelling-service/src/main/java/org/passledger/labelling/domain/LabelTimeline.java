package org.passledger.labelling.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.passledger.events.StructureEvent;
import org.passledger.events.StructureEvent.LabelExpired;
import org.passledger.events.StructureEvent.LabelGranted;
import org.passledger.events.StructureEvent.LabelReinstated;
import org.passledger.events.StructureEvent.LabelRenewed;
import org.passledger.events.StructureEvent.LabelRevoked;
import org.passledger.events.StructureEvent.LabelSuspended;

/**
 * When a place's label was in force, computed only from the effective dates the labelling topic carries, so
 * that any consumer (redemption-service first) reaches the same answer from the events alone.
 *
 * <p>In force at instant T: T's calendar day in Europe/Paris lies in a convention period (granted or renewed,
 * {@code validFrom..validUntil} inclusive) not cut short (a revocation ends every period at its effective
 * instant; an expiry ends it after {@code expiredOn}), and T is in no suspension
 * ({@code LabelSuspended.effectiveAt} inclusive to {@code LabelReinstated.effectiveAt} exclusive).
 */
public record LabelTimeline(List<Period> periods, List<Suspension> suspensions) {

    /** The scheme's calendar. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    public record Period(LocalDate validFrom, LocalDate validUntil, Instant endedAt) {

        public Period {
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(validUntil, "validUntil");
        }

        boolean covers(Instant instant) {
            LocalDate day = LocalDate.ofInstant(instant, ZONE);
            return !day.isBefore(validFrom) && !day.isAfter(validUntil)
                    && (endedAt == null || instant.isBefore(endedAt));
        }
    }

    public record Suspension(Instant from, Instant until) {

        boolean covers(Instant instant) {
            return !instant.isBefore(from) && (until == null || instant.isBefore(until));
        }
    }

    /** The answer for one calendar day: in force at some moment of it, and in force all day long. */
    public record DayAnswer(LocalDate date, boolean labelled, boolean labelledAllDay) {
    }

    public static LabelTimeline of(List<? extends StructureEvent> events) {
        LabelTimeline timeline = new LabelTimeline(List.of(), List.of());
        for (StructureEvent event : events) {
            timeline = timeline.apply(event);
        }
        return timeline;
    }

    public LabelTimeline {
        periods = List.copyOf(periods);
        suspensions = List.copyOf(suspensions);
    }

    public boolean inForceAt(Instant instant) {
        return periods.stream().anyMatch(p -> p.covers(instant))
                && suspensions.stream().noneMatch(s -> s.covers(instant));
    }

    /**
     * The state only changes at midnight or at an event's instant, so checking the day's start and every
     * change inside the day covers every moment of it.
     */
    public DayAnswer on(LocalDate date) {
        Instant start = date.atStartOfDay(ZONE).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(ZONE).toInstant();
        TreeSet<Instant> moments = new TreeSet<>();
        moments.add(start);
        for (Suspension s : suspensions) {
            moments.add(s.from());
            if (s.until() != null) {
                moments.add(s.until());
            }
        }
        for (Period p : periods) {
            if (p.endedAt() != null) {
                moments.add(p.endedAt());
            }
        }
        List<Boolean> answers = moments.subSet(start, true, end, false).stream().map(this::inForceAt).toList();
        return new DayAnswer(date, answers.contains(true), !answers.contains(false));
    }

    LabelTimeline apply(StructureEvent event) {
        if (event instanceof LabelGranted granted) {
            return withPeriod(new Period(granted.validFrom(), granted.validUntil(), null));
        }
        if (event instanceof LabelRenewed renewed) {
            return withPeriod(new Period(renewed.validFrom(), renewed.validUntil(), null));
        }
        if (event instanceof LabelSuspended suspended) {
            if (suspensions.stream().anyMatch(s -> s.until() == null)) {
                return this;
            }
            List<Suspension> next = new ArrayList<>(suspensions);
            next.add(new Suspension(suspended.effectiveAt(), null));
            return new LabelTimeline(periods, next);
        }
        if (event instanceof LabelReinstated reinstated) {
            return new LabelTimeline(periods, suspensions.stream()
                    .map(s -> s.until() == null ? new Suspension(s.from(), reinstated.effectiveAt()) : s)
                    .toList());
        }
        if (event instanceof LabelRevoked revoked) {
            Instant at = revoked.effectiveAt();
            return new LabelTimeline(periods.stream()
                    .map(p -> p.endedAt() == null || p.endedAt().isAfter(at)
                            ? new Period(p.validFrom(), p.validUntil(), at) : p)
                    .toList(), suspensions);
        }
        if (event instanceof LabelExpired expired) {
            LocalDate lastDay = expired.expiredOn();
            return new LabelTimeline(periods.stream()
                    .map(p -> !p.validFrom().isAfter(lastDay) && p.validUntil().isAfter(lastDay)
                            ? new Period(p.validFrom(), lastDay, p.endedAt()) : p)
                    .filter(p -> !p.validFrom().isAfter(lastDay))
                    .toList(), suspensions);
        }
        return this;
    }

    private LabelTimeline withPeriod(Period period) {
        List<Period> next = new ArrayList<>(periods);
        next.add(period);
        return new LabelTimeline(next, suspensions);
    }
}
