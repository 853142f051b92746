package org.passledger.issuance.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.LedgerEvent;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherConsigned;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.kernel.projection.Projection;

/**
 * Distributors' stock, one {@link VoucherHolding} per consigned voucher: {@code voucher.consigned.v1} puts it
 * in a stock (moving it from the previous one), {@code voucher.distributed.v1} marks it handed out and
 * {@code voucher.cancelled.v1} takes it out of every stock. A voucher's events share its partition, so its
 * consignment always comes before its hand-out or cancellation; events of vouchers never consigned are skipped.
 */
@ApplicationScoped
public class DistributorStockProjection implements Projection {

    public static final String NAME = "issuance.distributor-stock";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.VOUCHERS);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope envelope) {
        LedgerEvent event = envelope.data();
        if (event instanceof VoucherConsigned consigned) {
            return session.find(VoucherHolding.class, consigned.voucherId()).chain(found -> {
                VoucherHolding holding = found == null ? new VoucherHolding() : found;
                holding.voucherId = consigned.voucherId();
                applyTo(holding, event, envelope.time());
                return found == null ? session.persist(holding) : Uni.createFrom().voidItem();
            });
        }
        if (event instanceof VoucherDistributed || event instanceof VoucherCancelled) {
            return session.find(VoucherHolding.class, UUID.fromString(event.subject()))
                    .invoke(holding -> {
                        if (holding != null) {
                            applyTo(holding, event, envelope.time());
                        }
                    })
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /** Folds one event into the voucher's holding; pure, so it is tested without a database. */
    static void applyTo(VoucherHolding holding, LedgerEvent event, Instant time) {
        if (event instanceof VoucherConsigned consigned) {
            holding.programmeId = consigned.programmeId();
            holding.bookId = consigned.bookId();
            holding.distributorId = consigned.distributorId();
            holding.consignedAt = consigned.consignedAt();
        } else if (event instanceof VoucherDistributed distributed) {
            holding.handedOutAt = distributed.distributedAt();
        } else if (event instanceof VoucherCancelled) {
            holding.distributorId = null;
        }
        holding.eventsApplied++;
        holding.updatedAt = time;
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from voucher_holding").executeUpdate().replaceWithVoid();
    }
}
