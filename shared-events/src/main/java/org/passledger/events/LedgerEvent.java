package org.passledger.events;

/**
 * An event of the ledger: a fact that happened to one aggregate.
 *
 * <p>Every concrete event is a record nested in one of the sealed stream interfaces
 * ({@link StructureEvent}, {@link ProgrammeEvent}, {@link VoucherEvent}, {@link RedemptionEvent},
 * {@link SettlementEvent}) and is listed in the {@link EventCatalog}.
 */
public interface LedgerEvent {

    /**
     * The id of the aggregate the event belongs to, as a UUID string: it is the event-store stream id,
     * the Kafka record key and the CloudEvents {@code subject}. Derived, so never part of the JSON payload.
     */
    String subject();
}
