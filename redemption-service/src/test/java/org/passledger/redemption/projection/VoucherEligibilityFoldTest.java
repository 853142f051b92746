package org.passledger.redemption.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.EventEnvelope;
import org.passledger.events.LedgerEvent;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.passledger.events.VoucherEvent.VoucherValidityExtended;
import org.passledger.redemption.projection.VoucherEligibilityProjection.Change;

/** How a chunk of voucher events folds into one change per voucher before it is written. */
class VoucherEligibilityFoldTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final LocalDate YEAR_END = LocalDate.parse("2026-12-31");
    final UUID voucher = UUID.randomUUID();
    final UUID programme = UUID.randomUUID();
    final UUID funder = UUID.randomUUID();

    @Test
    void anIssueAndItsLaterEvents_foldIntoOneRowToInsert_countingEachEvent() {
        Map<UUID, Change> changes = VoucherEligibilityProjection.fold(List.of(
                envelope(issued(), 1), envelope(activated(T0.plusSeconds(60)), 2),
                envelope(distributed(T0.plusSeconds(120)), 3)));

        Change change = changes.get(voucher);
        assertThat(change.issued).isNotNull();
        assertThat(change.activated).isEqualTo(T0.plusSeconds(60));
        assertThat(change.distributed).isEqualTo(T0.plusSeconds(120));
        assertThat(change.events).isEqualTo(3);
        assertThat(change.row()).containsEntry("code_hash", "a".repeat(64)).containsEntry("events", 3);
    }

    @Test
    void aFactDeliveredTwice_keepsItsFirstInstant_andTheLatestExtensionSetsTheDates() {
        LocalDate later = YEAR_END.plusMonths(6);
        Map<UUID, Change> changes = VoucherEligibilityProjection.fold(List.of(
                envelope(distributed(T0), 3), envelope(distributed(T0.plusSeconds(5)), 3),
                envelope(new VoucherValidityExtended(voucher, programme, YEAR_END.plusMonths(3),
                        YEAR_END.plusMonths(3), T0), 4),
                envelope(new VoucherValidityExtended(voucher, programme, later, later, T0), 5)));

        Change change = changes.get(voucher);
        assertThat(change.issued).as("known already: an update").isNull();
        assertThat(change.distributed).isEqualTo(T0);
        assertThat(change.validUntil).isEqualTo(later);
        assertThat(change.row()).containsEntry("activated_at", null).containsEntry("valid_until", later.toString());
    }

    @Test
    void anEventBeforeItsVouchersIssueInTheSameChunk_failsTheChunk() {
        assertThatThrownBy(() -> VoucherEligibilityProjection.fold(List.of(
                envelope(activated(T0), 2), envelope(issued(), 1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown voucher " + voucher);
    }

    private VoucherIssued issued() {
        return new VoucherIssued(voucher, "a".repeat(64), programme, funder, UUID.randomUUID(), UUID.randomUUID(),
                1, 1000, List.of("30"), List.of(), YEAR_END, YEAR_END, T0);
    }

    private VoucherActivated activated(Instant at) {
        return new VoucherActivated(voucher, programme, funder, "OP-1", at);
    }

    private VoucherDistributed distributed(Instant at) {
        return new VoucherDistributed(voucher, programme, funder, UUID.randomUUID(), "BEN-1", "25-34", "30600", at);
    }

    private static EventEnvelope envelope(LedgerEvent event, long version) {
        return EventEnvelope.of(event, UUID.randomUUID(), "/pass-ledger/issuance-service", T0, version,
                UUID.randomUUID(), null, "test");
    }
}
