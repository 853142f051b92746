package org.passledger.issuance.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.passledger.events.VoucherEvent.VoucherActivated;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherIssued;
import org.passledger.issuance.application.IssuanceQueries;
import org.passledger.issuance.projection.VoucherView;
import org.passledger.kernel.store.RecordedEvent;

/** Puts a voucher's steps from its stream, its book's custody moves and the read model in time order. */
final class HistoryBuilder {

    private HistoryBuilder() {
    }

    static IssuanceResponses.History build(VoucherIssued issued, List<RecordedEvent> events,
                                           List<IssuanceQueries.Move> moves, UUID holder, VoucherView view) {
        List<IssuanceResponses.Step> steps = new ArrayList<>();
        for (RecordedEvent event : events) {
            String party = null;
            if (event.data() instanceof VoucherActivated activated) {
                party = activated.paymentOrderReference();
            } else if (event.data() instanceof VoucherDistributed distributed) {
                party = distributed.distributorId().toString();
            }
            steps.add(new IssuanceResponses.Step(event.recordedAt(), event.type(), event.metadata().actor(), party));
        }
        for (IssuanceQueries.Move move : moves) {
            steps.add(new IssuanceResponses.Step(move.movedAt(), "custody.book-consigned", move.actor(),
                    move.toDistributor().toString()));
        }
        String status = null;
        if (view != null) {
            status = view.status;
            if (view.redeemedAt != null) {
                steps.add(new IssuanceResponses.Step(view.redeemedAt, "voucher.redeemed.v1", null,
                        view.structureId == null ? null : view.structureId.toString()));
            }
            if (view.reimbursedAt != null) {
                steps.add(new IssuanceResponses.Step(view.reimbursedAt, "voucher.reimbursed.v1", null,
                        view.structureId == null ? null : view.structureId.toString()));
            }
        }
        steps.sort(Comparator.comparing(IssuanceResponses.Step::at));
        return new IssuanceResponses.History(issued.voucherId(), issued.programmeId(), issued.funderId(), holder,
                status, steps);
    }
}
