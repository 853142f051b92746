package org.passledger.tools.journey;

import java.util.UUID;
import org.passledger.clients.issuance.model.Programme;
import org.passledger.clients.issuance.model.Voucher;
import org.passledger.clients.labelling.model.Structure;
import org.passledger.clients.redemption.model.Redemption;
import org.passledger.clients.settlement.model.FunderInvoice;
import org.passledger.clients.settlement.model.ReconciliationProgramme;
import org.passledger.clients.settlement.model.Reimbursement;
import org.passledger.clients.settlement.model.Statement;
import org.passledger.clients.settlement.model.TrialBalance;

/** One voucher's journey: the parties and ids it involved, and what each service's read model says of it. */
public record JourneyReport(Parties parties, String voucherCode, UUID voucherId, UUID orderId, UUID redemptionId,
                            UUID statementId, Views views) {

    /** Who took part. */
    public record Parties(UUID structureId, UUID funderId, UUID distributorId, String agencyId, String operatorId,
                          UUID programmeId) {
    }

    /** What each service's own projection answers about the voucher. */
    public record Views(Structure structure, Programme programme, Voucher voucher, Redemption redemption,
                        Statement statement, Reimbursement reimbursement) {
    }

    /** What the money side says once the voucher is paid: the funder's invoice, the ledger, the reconciliation. */
    public record Books(FunderInvoice invoice, TrialBalance trialBalance, ReconciliationProgramme reconciliation) {
    }
}
