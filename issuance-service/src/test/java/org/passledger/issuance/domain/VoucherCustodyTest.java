package org.passledger.issuance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passledger.issuance.domain.VoucherTest.ACTIVATED;
import static org.passledger.issuance.domain.VoucherTest.BOOK;
import static org.passledger.issuance.domain.VoucherTest.DISTRIBUTOR;
import static org.passledger.issuance.domain.VoucherTest.FUNDER;
import static org.passledger.issuance.domain.VoucherTest.ISSUED;
import static org.passledger.issuance.domain.VoucherTest.NOW;
import static org.passledger.issuance.domain.VoucherTest.PROGRAMME;
import static org.passledger.issuance.domain.VoucherTest.VOUCHER;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.domain.Refusal;
import org.passledger.events.VoucherEvent;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherConsigned;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherExpired;
import org.passledger.issuance.domain.VoucherCommand.ConsignVoucher;
import org.passledger.issuance.domain.VoucherCommand.DistributeVoucher;

/** Custody on the voucher's own stream: consigned with its book, handed out only by its holder, once. */
class VoucherCustodyTest {

    static final UUID OTHER = UUID.fromString("44444444-5555-4666-8777-888888888888");

    final DeciderSpec<VoucherCommand, VoucherState, VoucherEvent> spec =
            DeciderSpec.of(new Voucher(Clock.fixed(NOW, ZoneOffset.UTC)));

    static VoucherConsigned consigned(UUID to, UUID from) {
        return new VoucherConsigned(VOUCHER, PROGRAMME, BOOK, to, from, NOW);
    }

    static DistributeVoucher handOutBy(UUID distributor) {
        return new DistributeVoucher(VOUCHER, distributor, "BEN-K7QM4XHT9BRC", null, null);
    }

    @Test
    void consign_fromTheFundersStock_namesNoPreviousHolder_evenBeforeFunding() {
        VoucherState state = spec.given(ISSUED).when(new ConsignVoucher(VOUCHER, DISTRIBUTOR))
                .then(consigned(DISTRIBUTOR, null));
        assertThat(state.heldBy()).isEqualTo(DISTRIBUTOR);
    }

    @Test
    void consign_fromAnotherDistributor_namesThePreviousHolder() {
        VoucherState state = spec.given(ISSUED, ACTIVATED, consigned(DISTRIBUTOR, null))
                .when(new ConsignVoucher(VOUCHER, OTHER)).then(consigned(OTHER, DISTRIBUTOR));
        assertThat(state.heldBy()).isEqualTo(OTHER);
    }

    @Test
    void consign_isRejected_onceHandedOut_cancelled_expired_orNeverIssued() {
        VoucherDistributed handedOut = new VoucherDistributed(VOUCHER, PROGRAMME, FUNDER, DISTRIBUTOR, "BEN-1",
                null, null, NOW);
        spec.given(ISSUED, ACTIVATED, consigned(DISTRIBUTOR, null), handedOut)
                .when(new ConsignVoucher(VOUCHER, OTHER)).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "book-already-handed-out");
        spec.given(ISSUED, new VoucherCancelled(VOUCHER, PROGRAMME, FUNDER, 1000, "lost", NOW))
                .when(new ConsignVoucher(VOUCHER, OTHER)).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "book-cancelled");
        spec.given(ISSUED, ACTIVATED, new VoucherExpired(VOUCHER, PROGRAMME, FUNDER, 1000,
                        LocalDate.parse("2027-01-31"), NOW))
                .when(new ConsignVoucher(VOUCHER, OTHER)).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-expired");
        spec.given().when(new ConsignVoucher(VOUCHER, OTHER)).thenRejectedWith(Refusal.Kind.NOT_FOUND, "unknown-voucher");
    }

    @Test
    void handOut_byItsHolder_only() {
        spec.given(ISSUED, ACTIVATED, consigned(DISTRIBUTOR, null)).when(handOutBy(OTHER))
                .thenRejectedWith(Refusal.Kind.FORBIDDEN, "not-in-your-stock");
        spec.given(ISSUED, ACTIVATED).when(handOutBy(DISTRIBUTOR)).thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-not-in-stock");
        VoucherState state = spec.given(ISSUED, ACTIVATED, consigned(DISTRIBUTOR, null))
                .when(handOutBy(DISTRIBUTOR))
                .then(new VoucherDistributed(VOUCHER, PROGRAMME, FUNDER, DISTRIBUTOR, "BEN-K7QM4XHT9BRC", null,
                        null, NOW));
        assertThat(state.status()).isEqualTo(VoucherState.Status.DISTRIBUTED);
    }

    @Test
    void handOut_afterAReConsignment_belongsToTheNewHolder_andTheOldOneIsRefused() {
        spec.given(ISSUED, ACTIVATED, consigned(DISTRIBUTOR, null), consigned(OTHER, DISTRIBUTOR))
                .when(handOutBy(DISTRIBUTOR)).thenRejectedWith(Refusal.Kind.FORBIDDEN, "not-in-your-stock");
        spec.given(ISSUED, ACTIVATED, consigned(DISTRIBUTOR, null), consigned(OTHER, DISTRIBUTOR))
                .when(handOutBy(OTHER))
                .then(new VoucherDistributed(VOUCHER, PROGRAMME, FUNDER, OTHER, "BEN-K7QM4XHT9BRC", null, null, NOW));
    }

    @Test
    void handOut_happensOnce_evenByItsHolder() {
        VoucherDistributed handedOut = new VoucherDistributed(VOUCHER, PROGRAMME, FUNDER, DISTRIBUTOR, "BEN-1",
                null, null, NOW);
        spec.given(ISSUED, ACTIVATED, consigned(DISTRIBUTOR, null), handedOut).when(handOutBy(DISTRIBUTOR))
                .thenRejectedWith(Refusal.Kind.CONFLICT_WITH_STATE, "voucher-already-distributed");
    }

    @Test
    void aCancelledVoucher_leavesItsHoldersStock() {
        VoucherState state = spec.given(ISSUED, consigned(DISTRIBUTOR, null))
                .when(new VoucherCommand.CancelVoucher(VOUCHER, FUNDER, "lost"))
                .then(new VoucherCancelled(VOUCHER, PROGRAMME, FUNDER, 1000, "lost", NOW));
        assertThat(state.heldBy()).isNull();
    }
}
