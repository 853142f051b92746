package org.passledger.settlement.domain;

import java.util.List;
import java.util.UUID;
import org.passledger.events.values.StatementLine;

/** What may be asked of a place's statement. */
public sealed interface StatementCommand {

    UUID statementId();

    /** States what a place is owed in a run: one line per redemption, each citing the redemption event. */
    record IssueStatement(UUID statementId, UUID runId, UUID structureId, String statementNumber,
                          List<StatementLine> lines) implements StatementCommand {
    }

    /**
     * Records that the bank transfer went out: what the statement is owed, less {@code clawbackCents} recovered
     * for validated incidents of the place.
     */
    record ConfirmPayment(UUID statementId, String bankReference, long clawbackCents) implements StatementCommand {

        public ConfirmPayment(UUID statementId, String bankReference) {
            this(statementId, bankReference, 0);
        }
    }

    /** Records that the bank rejected the statement's transfer to that account, before or after confirmation. */
    record RejectPayment(UUID statementId, UUID accountId, long instructedCents, String reason)
            implements StatementCommand {
    }
}
