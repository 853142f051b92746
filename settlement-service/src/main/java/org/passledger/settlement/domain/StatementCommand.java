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

    /** Records that the bank transfer of the statement's total went out. */
    record ConfirmPayment(UUID statementId, String bankReference) implements StatementCommand {
    }
}
