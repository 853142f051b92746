package org.passledger.settlement.domain;

import java.util.UUID;
import org.passledger.events.values.StatementLine;

/** What may be asked of a voucher's reimbursement stream. */
public sealed interface ReimbursementCommand {

    UUID voucherId();

    /** Pays the place back for the voucher of one line of a paid statement. */
    record ReimburseVoucher(UUID statementId, UUID structureId, StatementLine line) implements ReimbursementCommand {

        @Override
        public UUID voucherId() {
            return line.voucherId();
        }
    }
}
