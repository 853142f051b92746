package org.passledger.kernel.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Applied by Quarkus to every meter of the service. */
@Singleton
public class MeterFilters {

    /** The service's name on every series, so one dashboard tells the four services apart. */
    @Produces
    @Singleton
    MeterFilter serviceTag(@ConfigProperty(name = "ledger.service-name") String service) {
        return MeterFilter.commonTags(java.util.List.of(io.micrometer.core.instrument.Tag.of(LedgerMetrics.SERVICE_TAG, service)));
    }

    /**
     * HTTP server latency as a Prometheus histogram ({@code http_server_requests_seconds_bucket}), so p50 and p99
     * can be computed across instances with {@code histogram_quantile}; buckets from 1 ms to 10 s.
     */
    @Produces
    @Singleton
    MeterFilter httpLatencyHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"http.server.requests".equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                        .build().merge(config);
            }
        };
    }
}
