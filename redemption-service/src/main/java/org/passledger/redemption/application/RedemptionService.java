package org.passledger.redemption.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.RedemptionEvent;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.redemption.domain.Redemption;
import org.passledger.redemption.domain.RedemptionCommand.RedeemVoucher;
import org.passledger.redemption.domain.VoucherCodes;
import org.passledger.redemption.projection.StructureLabels;
import org.passledger.redemption.projection.VoucherEligibility;

/**
 * Redeems vouchers, inside the caller's transaction. The decision is local: the voucher's eligibility and the
 * place's label come from this service's projections, the voucher's redemption stream says whether it was
 * already redeemed, and the event is appended at the version that was read. No other service is called.
 */
@ApplicationScoped
public class RedemptionService {

    /** What the place asked for, before the facts are looked up. */
    public record RedeemRequest(UUID redemptionId, UUID structureId, String code, String service,
                                String sessionReference, String staffMember) {
    }

    private final CommandHandler handler;
    private final StructureLabels labels;
    private final Redemption redemption;

    public RedemptionService(CommandHandler handler, StructureLabels labels, Clock clock) {
        this.handler = handler;
        this.labels = labels;
        this.redemption = new Redemption(clock);
    }

    public Uni<VoucherRedeemed> redeem(Mutiny.Session session, RedeemRequest request, EventMetadata metadata) {
        String codeHash = VoucherCodes.hash(request.code());
        return session.createQuery("from VoucherEligibility where codeHash = :codeHash", VoucherEligibility.class)
                .setParameter("codeHash", codeHash)
                .getSingleResultOrNull()
                .chain(voucher -> {
                    if (voucher == null) {
                        throw Redemption.unknownVoucher();
                    }
                    return labels.facts(session, request.structureId()).chain(place -> {
                        var command = new RedeemVoucher(request.redemptionId(), voucher.facts(), place,
                                request.service(), request.sessionReference(), request.staffMember());
                        return handler.handle(session, voucher.voucherId.toString(), redemption,
                                RedemptionEvent.class, command, metadata);
                    });
                })
                .map(decision -> (VoucherRedeemed) decision.events().get(0));
    }
}
