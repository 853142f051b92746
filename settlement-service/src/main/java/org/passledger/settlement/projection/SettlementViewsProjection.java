package org.passledger.settlement.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.SettlementEvent.PaymentConfirmed;
import org.passledger.events.SettlementEvent.PaymentRejected;
import org.passledger.events.SettlementEvent.SettlementRunOpened;
import org.passledger.events.SettlementEvent.SettlementRunOpenedV2;
import org.passledger.events.SettlementEvent.StatementIssued;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.events.Topics;
import org.passledger.events.values.StatementLine;
import org.passledger.kernel.projection.Projection;

/**
 * Keeps the runs, statements (with their lines) and reimbursements read models up to date from this service's
 * own topic. A statement's events share its key, so its payment always follows its issue.
 */
@ApplicationScoped
public class SettlementViewsProjection implements Projection {

    public static final String NAME = "settlement.settlement-views";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.SETTLEMENTS);
    }

    /** A run as opened; v1 runs never said whether they had every redemption (null). */
    private static SettlementRunView run(UUID runId, String name, Instant periodStart, Instant periodEnd,
                                         Instant openedAt, Boolean redemptionsComplete, Long redemptionsBehind) {
        SettlementRunView run = new SettlementRunView();
        run.runId = runId;
        run.name = name;
        run.periodStart = periodStart;
        run.periodEnd = periodEnd;
        run.openedAt = openedAt;
        run.redemptionsComplete = redemptionsComplete;
        run.redemptionsBehind = redemptionsBehind;
        run.eventsApplied = 1;
        return run;
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope envelope) {
        Object event = envelope.data();
        if (event instanceof SettlementRunOpened opened) {
            return session.persist(run(opened.runId(), opened.runName(), opened.periodStart(), opened.periodEnd(),
                    opened.openedAt(), null, null));
        }
        if (event instanceof SettlementRunOpenedV2 opened) {
            return session.persist(run(opened.runId(), opened.runName(), opened.periodStart(), opened.periodEnd(),
                    opened.openedAt(), opened.redemptionsComplete(), opened.redemptionsBehind()));
        }
        if (event instanceof StatementIssued issued) {
            return issue(session, issued);
        }
        if (event instanceof PaymentConfirmed paid) {
            return session.find(StatementView.class, paid.statementId()).invoke(view -> {
                if (view == null) {
                    throw new IllegalStateException("payment of unknown statement " + paid.statementId());
                }
                view.status = StatementView.PAID;
                view.paidAt = paid.confirmedAt();
                view.bankReference = paid.bankReference();
                view.paidCents = paid.amountCents();
                // all clawed back on this statement, over every payment of it (a rejected one's stay recovered)
                view.clawbackCents = view.totalCents - paid.amountCents();
                view.eventsApplied++;
            }).replaceWithVoid();
        }
        if (event instanceof PaymentRejected rejected) {
            return session.find(StatementView.class, rejected.statementId()).invoke(view -> {
                if (view == null) {
                    throw new IllegalStateException("rejection of unknown statement " + rejected.statementId());
                }
                if (rejected.afterConfirmation()) {
                    view.status = StatementView.ISSUED;
                    view.paidAt = null;
                    view.bankReference = null;
                    view.paidCents = null;
                }
                view.eventsApplied++;
            }).replaceWithVoid();
        }
        if (event instanceof VoucherReimbursed reimbursed) {
            ReimbursementView view = new ReimbursementView();
            view.voucherId = reimbursed.voucherId();
            view.redemptionId = reimbursed.redemptionId();
            view.statementId = reimbursed.statementId();
            view.structureId = reimbursed.structureId();
            view.programmeId = reimbursed.programmeId();
            view.funderId = reimbursed.funderId();
            view.amountCents = reimbursed.amountCents();
            view.reimbursedAt = reimbursed.reimbursedAt();
            view.eventsApplied = 1;
            return session.persist(view);
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> issue(Mutiny.Session session, StatementIssued issued) {
        StatementView view = new StatementView();
        view.statementId = issued.statementId();
        view.runId = issued.runId();
        view.structureId = issued.structureId();
        view.statementNumber = issued.statementNumber();
        view.totalCents = issued.totalCents();
        view.lineCount = issued.lines().size();
        view.status = StatementView.ISSUED;
        view.issuedAt = issued.issuedAt();
        view.eventsApplied = 1;
        List<Object> rows = new ArrayList<>();
        rows.add(view);
        for (StatementLine line : issued.lines()) {
            rows.add(line(issued.statementId(), line));
        }
        return session.persistAll(rows.toArray());
    }

    private static StatementLineView line(UUID statementId, StatementLine line) {
        StatementLineView row = new StatementLineView();
        row.redemptionId = line.redemptionId();
        row.statementId = statementId;
        row.redemptionEventId = line.redemptionEventId();
        row.voucherId = line.voucherId();
        row.programmeId = line.programmeId();
        row.funderId = line.funderId();
        row.amountCents = line.amountCents();
        return row;
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from statement_line_view").executeUpdate()
                .chain(() -> session.createNativeQuery("delete from statement_view").executeUpdate())
                .chain(() -> session.createNativeQuery("delete from reimbursement_view").executeUpdate())
                .chain(() -> session.createNativeQuery("delete from settlement_run_view").executeUpdate())
                .replaceWithVoid();
    }
}
