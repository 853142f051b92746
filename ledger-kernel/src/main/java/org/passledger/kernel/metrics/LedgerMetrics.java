package org.passledger.kernel.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The operational metrics every service exposes at {@code /q/metrics}, in one place: the meters are registered
 * under these names, the Grafana dashboard ({@code infra/grafana/pass-ledger.json}) may use only the Prometheus
 * series of {@link #PROMETHEUS_SERIES}, and the kernel's metrics test checks that the series are there.
 */
public final class LedgerMetrics {

    /** Counter {channel, projection}: consumed records applied to a projection (or found already applied). */
    public static final String PROJECTION_EVENTS_APPLIED = "ledger.projection.events.applied";
    /** Counter {channel, topic}: consumed records sent to the channel's dead-letter topic. */
    public static final String PROJECTION_DEAD_LETTERS = "ledger.projection.dead-letters";
    /** Gauge {channel, topic, group}: records of the topic the channel's consumer group has not committed yet. */
    public static final String CONSUMER_LAG_RECORDS = "ledger.consumer.lag.records";
    /** Gauge {channel, topic, group}: how long the channel has been behind, 0 when it is not. */
    public static final String CONSUMER_LAG_SECONDS = "ledger.consumer.lag.seconds";
    /** Gauge: outbox rows not yet published. */
    public static final String OUTBOX_DEPTH = "ledger.outbox.depth";
    /** Gauge: age of the oldest outbox row's event, 0 when the outbox is empty. */
    public static final String OUTBOX_OLDEST_AGE = "ledger.outbox.oldest.age.seconds";
    /** Counter {code, status}: problem+json responses. */
    public static final String PROBLEMS = "ledger.problems";
    /** Every meter carries the service's name ({@code ledger.service-name}) under this tag. */
    public static final String SERVICE_TAG = "service";

    /**
     * The Prometheus series an operator's dashboard may use. Kernel series are present in every service;
     * {@code ledger_group_commit_commands_total} only where a command runs through {@code GroupCommit}
     * (redemption-service), {@code http_server_requests_seconds_*} once a request was served.
     */
    public static final List<String> PROMETHEUS_SERIES = List.of(
            "ledger_projection_events_applied_total",
            "ledger_projection_dead_letters_total",
            "ledger_consumer_lag_records",
            "ledger_consumer_lag_seconds",
            "ledger_outbox_depth",
            "ledger_outbox_oldest_age_seconds",
            "ledger_outbox_published_total",
            "ledger_events_appended_total",
            "ledger_problems_total",
            "ledger_group_commit_commands_total",
            "http_server_requests_seconds_bucket",
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum");

    private LedgerMetrics() {
    }

    /**
     * Runs a gauge refresh on a daemon thread of its own, first after half a second, then {@code every} after the
     * previous run ended; a scrape then reads the cached values. Shut the executor down when the service stops.
     */
    public static ScheduledExecutorService refreshing(String threadName, Duration every, Runnable refresh) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(refresh, 500, every.toMillis(), TimeUnit.MILLISECONDS);
        return scheduler;
    }
}
