package org.passledger.kernel.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.passledger.kernel.metrics.LedgerMetrics;
import org.passledger.kernel.store.SqlTime;

/**
 * The outbox as an operator sees it: gauges {@code ledger.outbox.depth} (rows not yet published) and
 * {@code ledger.outbox.oldest.age.seconds} (how long ago the oldest of them was recorded, 0 when none). Read from
 * PostgreSQL every {@code ledger.metrics.refresh} (5 s) on a thread of its own; a scrape reads the cached values and
 * never waits for the database. -1 while the database cannot be read.
 */
@ApplicationScoped
public class OutboxGauges {

    private static final Logger LOG = Logger.getLogger(OutboxGauges.class);

    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration refresh;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final AtomicLong depth = new AtomicLong(-1);
    private final AtomicLong oldestAge = new AtomicLong(-1);
    private ScheduledExecutorService scheduler;

    public OutboxGauges(MeterRegistry meters, Clock clock,
                        @ConfigProperty(name = "ledger.metrics.refresh", defaultValue = "PT5S") Duration refresh,
                        @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                        @ConfigProperty(name = "quarkus.datasource.username") String user,
                        @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.meters = meters;
        this.clock = clock;
        this.refresh = refresh;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password.orElse("");
    }

    void start(@Observes StartupEvent started) {
        Gauge.builder(LedgerMetrics.OUTBOX_DEPTH, depth, AtomicLong::get)
                .description("Outbox rows not yet published (-1: unknown)").register(meters);
        Gauge.builder(LedgerMetrics.OUTBOX_OLDEST_AGE, oldestAge, AtomicLong::get)
                .description("Age of the oldest outbox row's event, 0 when the outbox is empty (-1: unknown)")
                .register(meters);
        scheduler = LedgerMetrics.refreshing("ledger-outbox-gauges", refresh, this::refresh);
    }

    void stop(@Observes ShutdownEvent stopped) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void refresh() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement query = connection.prepareStatement("select count(*), "
                     + SqlTime.micros("min(e.recorded_at)")
                     + " from outbox o join events e on e.position = o.position")) {
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long count = rows.getLong(1);
                Object oldest = rows.getObject(2);
                depth.set(count);
                oldestAge.set(oldest == null ? 0
                        : Math.max(0, Duration.between(SqlTime.fromMicros(oldest), clock.instant()).toSeconds()));
            }
        } catch (Exception e) {
            LOG.debugf("outbox gauges not refreshed: %s", e.toString());
            depth.set(-1);
            oldestAge.set(-1);
        }
    }
}
