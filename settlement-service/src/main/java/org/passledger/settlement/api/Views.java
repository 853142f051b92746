package org.passledger.settlement.api;

import java.util.List;
import org.passledger.settlement.projection.ReimbursementView;
import org.passledger.settlement.projection.StatementLineView;
import org.passledger.settlement.projection.StatementView;

/** Read models to response bodies. */
final class Views {

    private Views() {
    }

    static SettlementResponses.StatementSummary summary(StatementView view) {
        return new SettlementResponses.StatementSummary(view.statementId, view.runId, view.structureId,
                view.statementNumber, view.totalCents, view.lineCount, view.status, view.issuedAt, view.paidAt,
                view.bankReference);
    }

    static SettlementResponses.StatementBody statement(StatementView view, List<StatementLineView> lines) {
        return new SettlementResponses.StatementBody(view.statementId, view.runId, view.structureId,
                view.statementNumber, view.totalCents, view.lineCount, view.status, view.issuedAt, view.paidAt,
                view.bankReference, view.eventsApplied,
                lines.stream().map(line -> new SettlementResponses.LineBody(line.redemptionEventId,
                        line.redemptionId, line.voucherId, line.programmeId, line.funderId, line.amountCents)).toList(),
                view.clawbackCents, view.totalCents - view.clawbackCents);
    }

    static SettlementResponses.ReimbursementBody reimbursement(ReimbursementView view) {
        return new SettlementResponses.ReimbursementBody(view.voucherId, view.redemptionId, view.statementId,
                view.structureId, view.programmeId, view.funderId, view.amountCents, view.reimbursedAt,
                view.eventsApplied);
    }
}
