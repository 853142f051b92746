package org.passledger.issuance.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherCancelled;
import org.passledger.events.VoucherEvent.VoucherConsigned;
import org.passledger.events.VoucherEvent.VoucherDistributed;

/** The stock and history read models fold custody events without a database. */
class CustodyFoldingTest {

    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    static final UUID VOUCHER = UUID.randomUUID();
    static final UUID PROGRAMME = UUID.randomUUID();
    static final UUID FUNDER = UUID.randomUUID();
    static final UUID BOOK = UUID.randomUUID();
    static final UUID NIMES = UUID.randomUUID();
    static final UUID ALES = UUID.randomUUID();

    @Test
    void aVoucherMovesFromStockToStock_untilItIsHandedOut() {
        VoucherHolding holding = new VoucherHolding();
        DistributorStockProjection.applyTo(holding, new VoucherConsigned(VOUCHER, PROGRAMME, BOOK, ALES, null, T), T);
        assertThat(holding.distributorId).isEqualTo(ALES);
        DistributorStockProjection.applyTo(holding,
                new VoucherConsigned(VOUCHER, PROGRAMME, BOOK, NIMES, ALES, T.plusSeconds(60)), T);
        assertThat(holding.distributorId).isEqualTo(NIMES);
        assertThat(holding.consignedAt).isEqualTo(T.plusSeconds(60));
        assertThat(holding.handedOutAt).isNull();
        DistributorStockProjection.applyTo(holding, new VoucherDistributed(VOUCHER, PROGRAMME, FUNDER, NIMES,
                "BEN-1", null, null, T.plusSeconds(120)), T);
        assertThat(holding.handedOutAt).isEqualTo(T.plusSeconds(120));
        assertThat(holding.distributorId).isEqualTo(NIMES);
        assertThat(holding.eventsApplied).isEqualTo(3);
    }

    @Test
    void aCancelledVoucher_leavesEveryStock() {
        VoucherHolding holding = new VoucherHolding();
        DistributorStockProjection.applyTo(holding, new VoucherConsigned(VOUCHER, PROGRAMME, BOOK, ALES, null, T), T);
        DistributorStockProjection.applyTo(holding,
                new VoucherCancelled(VOUCHER, PROGRAMME, FUNDER, 1000, "lost", T), T);
        assertThat(holding.distributorId).isNull();
        assertThat(holding.eventsApplied).isEqualTo(2);
    }

    @Test
    void eachHistoryStep_namesThePartyItConcerns() {
        assertThat(VoucherHistoryProjection.partyOf(new VoucherConsigned(VOUCHER, PROGRAMME, BOOK, ALES, NIMES, T)))
                .isEqualTo(ALES.toString());
        assertThat(VoucherHistoryProjection.partyOf(new VoucherActivated(VOUCHER, PROGRAMME, FUNDER, "MANDAT-7", T)))
                .isEqualTo("MANDAT-7");
        UUID structure = UUID.randomUUID();
        assertThat(VoucherHistoryProjection.partyOf(new VoucherRedeemed(VOUCHER, UUID.randomUUID(), PROGRAMME,
                FUNDER, structure, "30", "initiation", 1000, null, null, T))).isEqualTo(structure.toString());
        assertThat(VoucherHistoryProjection.partyOf(new VoucherCancelled(VOUCHER, PROGRAMME, FUNDER, 1000, "lost",
                T))).isNull();
    }
}
