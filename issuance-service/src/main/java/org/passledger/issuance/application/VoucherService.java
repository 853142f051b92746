package org.passledger.issuance.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.VoucherEvent;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.issuance.domain.BeneficiaryRef;
import org.passledger.issuance.domain.Voucher;
import org.passledger.issuance.domain.VoucherCode;
import org.passledger.issuance.domain.VoucherCommand.DistributeVoucher;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.store.EventMetadata;

/** Runs voucher commands that start from a printed code, inside the caller's transaction. */
@ApplicationScoped
public class VoucherService {

    private final CommandHandler handler;
    private final VoucherCodeRegistry codes;
    private final RandomGenerator random;
    private final Voucher voucher;

    public VoucherService(CommandHandler handler, VoucherCodeRegistry codes, RandomGenerator random, Clock clock) {
        this.handler = handler;
        this.codes = codes;
        this.random = random;
        this.voucher = new Voucher(clock);
    }

    /**
     * Hands the voucher behind a code to a beneficiary, who gets a fresh pseudonymous reference.
     * Custody is not checked yet: any distributor may hand out any activated voucher (stock per distributor
     * comes with the distribution slice).
     */
    public Uni<VoucherDistributed> distribute(Mutiny.Session session, VoucherCode code, UUID distributorId,
                                              String ageBracket, String postcode, EventMetadata metadata) {
        return codes.voucherOf(session, code.hash()).chain(found -> {
            UUID voucherId = found.orElseThrow(Voucher::unknown);
            var command = new DistributeVoucher(voucherId, distributorId, BeneficiaryRef.generate(random), ageBracket,
                    postcode);
            return handler.handle(session, voucherId.toString(), voucher, VoucherEvent.class, command, metadata)
                    .map(decision -> (VoucherDistributed) decision.events().get(0));
        });
    }
}
