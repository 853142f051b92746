package org.passledger.settlement.domain;

import java.util.UUID;

/** Whether a voucher was reimbursed, and by which statement. */
public record ReimbursementState(boolean reimbursed, UUID statementId) {

    public static final ReimbursementState NOT_REIMBURSED = new ReimbursementState(false, null);
}
