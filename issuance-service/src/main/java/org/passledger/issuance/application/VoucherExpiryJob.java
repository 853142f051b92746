package org.passledger.issuance.application;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventMetadata;

/**
 * Records {@code voucher.expired.v1} for every active or handed-out voucher whose acceptance date is over
 * (by the injected clock, in French days) and that was not redeemed. Candidates come from the read model,
 * which also knows redemptions; each voucher's own stream decides, so a stale candidate is only skipped.
 */
@ApplicationScoped
public class VoucherExpiryJob {

    public static final String ACTOR = "system:voucher-expiry";
    private static final Logger LOG = Logger.getLogger(VoucherExpiryJob.class);

    private final Transactions transactions;
    private final VoucherService vouchers;

    public VoucherExpiryJob(Transactions transactions, VoucherService vouchers) {
        this.transactions = transactions;
        this.vouchers = vouchers;
    }

    @Scheduled(identity = "voucher-expiry", every = "${issuance.voucher-expiry.every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return expireDueVouchers().invoke(expired -> {
            if (!expired.isEmpty()) {
                LOG.infof("Expired %d voucher(s)", expired.size());
            }
        }).replaceWithVoid();
    }

    /** Expires every voucher whose acceptance ended before today; answers the vouchers it expired. */
    public Uni<List<UUID>> expireDueVouchers() {
        java.time.LocalDate today = vouchers.today();
        return transactions.read(session -> session.createNativeQuery("""
                        select cast(voucher_id as text) from voucher_view
                        where status in ('ACTIVE', 'DISTRIBUTED') and redeemed_at is null
                          and accepted_until < cast(:today as date)
                        order by accepted_until""", String.class)
                        .setParameter("today", today)
                        .getResultList())
                .chain(candidates -> Multi.createFrom().iterable(candidates)
                        .onItem().transformToUniAndConcatenate(this::expire)
                        .filter(id -> id != null)
                        .collect().asList());
    }

    private Uni<UUID> expire(String voucherId) {
        UUID id = UUID.fromString(voucherId);
        return transactions.write(session -> vouchers.expire(session, id, EventMetadata.system(ACTOR)))
                .replaceWith(id)
                .onFailure(Refusal.class).recoverWithNull();
    }
}
