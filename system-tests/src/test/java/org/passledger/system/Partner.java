package org.passledger.system;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends each intent the way a partner's integration does: one Idempotency-Key per intent, the same key again
 * on no answer, on a 5xx and on a refusal with Retry-After, until a definite answer (a success or a refusal that
 * stands). Counts what it sent.
 */
final class Partner {

    /** How long a partner keeps one intent going before it gives up and calls a human. */
    static final Duration PATIENCE = Duration.ofMinutes(3);
    /** Retry-After is honoured up to this, so the load stays a load while facts travel between services. */
    private static final Duration LONGEST_WAIT = Duration.ofMillis(500);
    private static final Duration WAIT_AFTER_NO_ANSWER = Duration.ofMillis(200);

    /** One answer: the body, and whether it was the first answer given again for the same key. */
    record Reply<T>(T body, boolean replayed) {

        static <T> Reply<T> of(T body, Map<String, List<String>> headers) {
            boolean replayed = headers.entrySet().stream()
                    .anyMatch(h -> h.getKey().equalsIgnoreCase("Idempotency-Replayed") && h.getValue().contains("true"));
            return new Reply<>(body, replayed);
        }
    }

    @FunctionalInterface
    interface Call<T> {
        Reply<T> send() throws Exception;
    }

    /** The definite answer to an intent: a body, or the refusal that stands; and how many requests it took. */
    record Outcome<T>(T body, PartnerFailure refusal, int attempts, boolean replayed) {

        boolean succeeded() {
            return refusal == null;
        }
    }

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong replays = new AtomicLong();
    private final AtomicLong successes = new AtomicLong();
    private final Map<String, AtomicLong> unanswered = new ConcurrentHashMap<>();

    <T> Outcome<T> untilDefinite(String service, Call<T> call) {
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<Outcome<T>> outcome = new AtomicReference<>();
        AtomicReference<Duration> wait = new AtomicReference<>(WAIT_AFTER_NO_ANSWER);
        await("a definite answer from " + service).atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval((count, previous) -> wait.get())
                .until(() -> {
                    if (attempts.incrementAndGet() > 1) {
                        retries.incrementAndGet();
                    }
                    requests.incrementAndGet();
                    try {
                        Reply<T> reply = call.send();
                        if (reply.replayed()) {
                            replays.incrementAndGet();
                        }
                        successes.incrementAndGet();
                        outcome.set(new Outcome<>(reply.body(), null, attempts.get(), reply.replayed()));
                        return true;
                    } catch (Exception e) {
                        PartnerFailure failure = PartnerFailure.of(e);
                        if (!failure.retryable()) {
                            outcome.set(new Outcome<>(null, failure, attempts.get(), false));
                            return true;
                        }
                        if (failure.retryAfterSeconds() < 0) {
                            counter(service).incrementAndGet();
                            wait.set(WAIT_AFTER_NO_ANSWER);
                        } else {
                            Duration asked = Duration.ofSeconds(failure.retryAfterSeconds());
                            wait.set(asked.compareTo(LONGEST_WAIT) < 0 ? asked : LONGEST_WAIT);
                        }
                        return false;
                    }
                });
        return outcome.get();
    }

    long requests() {
        return requests.get();
    }

    long retries() {
        return retries.get();
    }

    long replays() {
        return replays.get();
    }

    long successes() {
        return successes.get();
    }

    /** Requests to this service that got no answer or a server error: what a fault looks like from outside. */
    long unanswered(String service) {
        return counter(service).get();
    }

    /** A request outside the intents (a scan) that got no answer or a server error. */
    void noAnswerFrom(String service) {
        counter(service).incrementAndGet();
    }

    private AtomicLong counter(String service) {
        return unanswered.computeIfAbsent(service, s -> new AtomicLong());
    }
}
