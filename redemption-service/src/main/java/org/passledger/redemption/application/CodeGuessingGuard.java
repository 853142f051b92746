package org.passledger.redemption.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.store.SqlTime;
import org.passledger.kernel.domain.Refusal;

/**
 * Counts, per place, the attempts with codes no voucher has, in a sliding window of
 * {@code redemption.code-guessing.window}. Once a place reached {@code redemption.code-guessing.max-unknown}
 * such attempts in the window, every validation and redemption it sends is refused with 429
 * {@code too-many-unknown-codes} (Retry-After: until the oldest counted attempt leaves the window), and one
 * alert per window is recorded for the operator. Known codes are never counted, so a place at work is never
 * throttled; a guesser gets at most max-unknown guesses per window.
 */
@ApplicationScoped
public class CodeGuessingGuard {

    public static final String TOO_MANY_UNKNOWN_CODES = "too-many-unknown-codes";
    private static final Logger LOG = Logger.getLogger(CodeGuessingGuard.class);

    private final Transactions transactions;
    private final Clock clock;
    private final int maxUnknown;
    private final Duration window;

    public CodeGuessingGuard(Transactions transactions, Clock clock,
                             @ConfigProperty(name = "redemption.code-guessing.max-unknown", defaultValue = "10")
                             int maxUnknown,
                             @ConfigProperty(name = "redemption.code-guessing.window", defaultValue = "PT10M")
                             Duration window) {
        this.transactions = transactions;
        this.clock = clock;
        this.maxUnknown = maxUnknown;
        this.window = window;
    }

    /** Refuses with 429 when the place used up its unknown codes in the window; otherwise lets it through. */
    public Uni<Void> check(Mutiny.Session session, UUID place) {
        return throttled(session, List.of(place)).invoke(refusals -> {
            if (refusals.containsKey(place)) {
                throw refusals.get(place);
            }
        }).replaceWithVoid();
    }

    /** Of these places, those that used up their unknown codes in the window, each with its 429 refusal. */
    public Uni<Map<UUID, Refusal>> throttled(Mutiny.Session session, Collection<UUID> places) {
        Instant now = clock.instant();
        return session.createNativeQuery("select cast(structure_id as text), count(*), "
                        + SqlTime.micros("min(attempted_at)") + " from unknown_code_attempt"
                        + " where structure_id = any(cast(cast(:places as text[]) as uuid[]))"
                        + " and attempted_at > :since group by structure_id", Object[].class)
                .setParameter("places", places.stream().map(UUID::toString).toArray(String[]::new))
                .setParameter("since", now.minus(window).atOffset(ZoneOffset.UTC))
                .getResultList()
                .map(rows -> {
                    Map<UUID, Refusal> refusals = new HashMap<>();
                    for (Object[] row : rows) {
                        long attempts = ((Number) row[1]).longValue();
                        if (attempts >= maxUnknown) {
                            refusals.put(UUID.fromString((String) row[0]),
                                    tooManyUnknownCodes(now, attempts, SqlTime.fromMicros(row[2])));
                        }
                    }
                    return refusals;
                });
    }

    private Refusal tooManyUnknownCodes(Instant now, long attempts, Instant oldest) {
        long wait = Duration.between(now, oldest.plus(window)).toSeconds() + 1;
        return new Refusal(Refusal.Kind.TOO_MANY_ATTEMPTS, TOO_MANY_UNKNOWN_CODES, "Too many unknown codes",
                "This place tried " + attempts + " codes that match no voucher within " + window.toMinutes()
                        + " minutes; try again later or contact the operator.").retryableAfter((int) Math.max(1, wait));
    }

    /**
     * Counts one unknown code for the place, in a transaction of its own (the refused request's is rolled
     * back), and raises an alert for the operator when this attempt reaches the threshold.
     */
    public Uni<Void> recordUnknown(UUID place) {
        Instant now = clock.instant();
        return transactions.write(session -> session.createNativeQuery(
                                "insert into unknown_code_attempt (structure_id, attempted_at)"
                                        + " values (cast(:place as uuid), :now)")
                        .setParameter("place", place.toString())
                        .setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery("""
                                        insert into code_guessing_alert
                                            (alert_id, structure_id, attempts, window_seconds, raised_at)
                                        select cast(:alertId as uuid), cast(:place as uuid), n, :windowSeconds, :now
                                        from (select count(*) as n from unknown_code_attempt
                                              where structure_id = cast(:place as uuid) and attempted_at > :since) c
                                        where n >= :max
                                          and not exists (select 1 from code_guessing_alert
                                                          where structure_id = cast(:place as uuid)
                                                            and raised_at > :since)""")
                                .setParameter("alertId", UUID.randomUUID().toString())
                                .setParameter("place", place.toString())
                                .setParameter("windowSeconds", (int) window.toSeconds())
                                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                                .setParameter("since", now.minus(window).atOffset(ZoneOffset.UTC))
                                .setParameter("max", (long) maxUnknown)
                                .executeUpdate()))
                .invoke(raised -> {
                    if (raised == 1) {
                        LOG.warnf("code guessing: place %s reached %d unknown codes within %s", place, maxUnknown,
                                window);
                    }
                })
                .replaceWithVoid();
    }
}
