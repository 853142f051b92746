package org.passledger.settlement.recovery;

import java.util.List;
import java.util.UUID;

/** What may be asked of an incident. */
public sealed interface IncidentCommand {

    UUID incidentId();

    /** Opens an incident; {@code reimbursedCents} is what the place was reimbursed for those vouchers. */
    record OpenIncident(UUID incidentId, UUID structureId, String kind, List<UUID> voucherIds, long amountCents,
                        String description, long reimbursedCents) implements IncidentCommand {
    }

    record ValidateIncident(UUID incidentId) implements IncidentCommand {
    }

    record DismissIncident(UUID incidentId, String reason) implements IncidentCommand {
    }

    /** Deducts part of the outstanding amount from a payout of the place's statement. */
    record ApplyClawback(UUID incidentId, UUID statementId, long amountCents) implements IncidentCommand {
    }

    /** Claims what is still owed by a debit note. */
    record IssueDebitNote(UUID incidentId, String debitNoteNumber, long amountCents) implements IncidentCommand {
    }
}
