package org.passledger.events;

import java.util.List;
import java.util.Map;

/** Kafka topic names, one per owning stream. Each record's key is the event's {@link LedgerEvent#subject()}. */
public final class Topics {

    /** Structures and their label; owned by labelling-service. */
    public static final String STRUCTURES = "labelling.structure-events.v1";
    /** Funding programmes and book orders; owned by issuance-service. */
    public static final String PROGRAMMES = "issuance.programme-events.v1";
    /** Voucher life before redemption; owned by issuance-service. */
    public static final String VOUCHERS = "issuance.voucher-events.v1";
    /** Redemptions and their reversals; owned by redemption-service. */
    public static final String REDEMPTIONS = "redemption.redemption-events.v1";
    /** Settlement runs, statements, payments, invoices; owned by settlement-service. */
    public static final String SETTLEMENTS = "settlement.settlement-events.v1";

    private static final List<String> ALL = List.of(STRUCTURES, PROGRAMMES, VOUCHERS, REDEMPTIONS, SETTLEMENTS);
    private static final Map<String, String> OWNERS = Map.of(
            STRUCTURES, "labelling-service",
            PROGRAMMES, "issuance-service",
            VOUCHERS, "issuance-service",
            REDEMPTIONS, "redemption-service",
            SETTLEMENTS, "settlement-service");

    private Topics() {
    }

    public static List<String> all() {
        return ALL;
    }

    /**
     * The service that publishes a topic (its {@code ledger.service-name}); no other service writes to it.
     *
     * @throws IllegalArgumentException for a name that is not one of {@link #all()}
     */
    public static String ownerOf(String topic) {
        String owner = OWNERS.get(topic);
        if (owner == null) {
            throw new IllegalArgumentException("Unknown topic '" + topic + "'; topics are " + ALL);
        }
        return owner;
    }
}
