package org.passledger.kernel.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one source of time: a test supplies its own Clock bean instead. {@code ledger.clock.offset} shifts a
 * whole running service in time, for rehearsal stacks and end-to-end tests of date rules (a voucher past its
 * acceptance date); production leaves it at zero.
 */
@Singleton
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(@ConfigProperty(name = "ledger.clock.offset", defaultValue = "PT0S") Duration offset) {
        if (offset.isZero()) {
            return Clock.systemUTC();
        }
        LOG.warnf("This service's clock is shifted by %s (ledger.clock.offset): not for production", offset);
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
