package org.passledger.settlement.domain;

import java.util.UUID;

/** Whether a voucher was reimbursed, by which statement, to which place and how much. */
public record ReimbursementState(boolean reimbursed, UUID statementId, UUID structureId, long amountCents) {

    public static final ReimbursementState NOT_REIMBURSED = new ReimbursementState(false, null, null, 0);
}
