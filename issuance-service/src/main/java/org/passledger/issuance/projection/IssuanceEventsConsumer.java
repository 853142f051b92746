package org.passledger.issuance.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passledger.kernel.projection.ProjectionRunner;

/**
 * Feeds the read models: this service's own topics, and the redemption and settlement topics so that a
 * funder sees the whole life of its vouchers. One channel per topic (see application.properties).
 */
@ApplicationScoped
public class IssuanceEventsConsumer {

    public static final String PROGRAMMES = "programmes";
    public static final String VOUCHERS = "vouchers";
    public static final String REDEMPTIONS = "redemptions";
    public static final String SETTLEMENTS = "settlements";

    private final ProjectionRunner runner;
    private final ProgrammeViewProjection programmes;
    private final VoucherViewProjection vouchers;
    private final DistributorStockProjection stock;
    private final VoucherHistoryProjection history;

    public IssuanceEventsConsumer(ProjectionRunner runner, ProgrammeViewProjection programmes,
                                  VoucherViewProjection vouchers, DistributorStockProjection stock,
                                  VoucherHistoryProjection history) {
        this.runner = runner;
        this.programmes = programmes;
        this.vouchers = vouchers;
        this.stock = stock;
        this.history = history;
    }

    @Incoming(PROGRAMMES)
    public Uni<Void> programmeEvents(ConsumerRecords<String, String> records) {
        return runner.consume(PROGRAMMES, records, programmes);
    }

    @Incoming(VOUCHERS)
    public Uni<Void> voucherEvents(ConsumerRecords<String, String> records) {
        return runner.consume(VOUCHERS, records, vouchers, programmes, stock, history);
    }

    @Incoming(REDEMPTIONS)
    public Uni<Void> redemptionEvents(ConsumerRecords<String, String> records) {
        return runner.consume(REDEMPTIONS, records, vouchers, programmes, history);
    }

    @Incoming(SETTLEMENTS)
    public Uni<Void> settlementEvents(ConsumerRecords<String, String> records) {
        return runner.consume(SETTLEMENTS, records, vouchers, programmes, history);
    }
}
