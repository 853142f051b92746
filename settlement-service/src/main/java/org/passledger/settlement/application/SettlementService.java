package org.passledger.settlement.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.SettlementRunOpenedV2;
import org.passledger.events.SettlementEvent.StatementIssued;
import org.passledger.events.values.StatementLine;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.settlement.domain.Reimbursement;
import org.passledger.settlement.domain.ReimbursementCommand.ReimburseVoucher;
import org.passledger.settlement.domain.SettlementRun;
import org.passledger.settlement.domain.SettlementRunCommand.OpenSettlementRun;
import org.passledger.settlement.domain.SettlementPeriods;
import org.passledger.settlement.domain.Statement;
import org.passledger.settlement.domain.StatementCommand.ConfirmPayment;
import org.passledger.settlement.domain.StatementCommand.IssueStatement;
import org.passledger.settlement.domain.StatementNumber;
import org.passledger.settlement.domain.StatementState;

/**
 * Runs settlement commands inside the caller's transaction: a run issues one statement per place that is owed
 * something, and a confirmed payment reimburses each voucher of the statement, once ever.
 */
@ApplicationScoped
public class SettlementService {

    /** One statement issued by a run. */
    public record IssuedStatement(UUID statementId, UUID structureId, String statementNumber, long totalCents,
                                  int lineCount) {
    }

    /** What a run did, and whether every redemption on the topic had been applied when it was made. */
    public record RunResult(UUID runId, String name, Instant periodStart, Instant periodEnd,
                            boolean redemptionsComplete, Long redemptionsBehind, List<IssuedStatement> statements) {
    }

    /** What a confirmed payment did. */
    public record PaymentResult(UUID statementId, String statementNumber, UUID structureId, long amountCents,
                                String bankReference, Instant paidAt, int vouchersReimbursed) {
    }

    /** A redemption the read model holds as payable, not reversed and not yet claimed by a statement. */
    record Payable(UUID redemptionId, UUID redemptionEventId, UUID voucherId, UUID structureId, UUID programmeId,
                   UUID funderId, long amountCents) {

        StatementLine line() {
            return new StatementLine(redemptionEventId, redemptionId, voucherId, programmeId, funderId, amountCents);
        }
    }

    private static final String PAYABLE = """
            select cast(p.redemption_id as text), cast(p.redemption_event_id as text), cast(p.voucher_id as text),
                   cast(p.structure_id as text), cast(p.programme_id as text), cast(p.funder_id as text),
                   p.amount_cents
            from payable_redemption p
            where p.redeemed_at >= cast(:start as timestamptz) and p.redeemed_at < cast(:end as timestamptz)
              and not p.reversed
              and (p.redeemed_at <= cast(:payableUntil as timestamptz)
                   or exists (select 1 from holding_waivers w
                              where w.structure_id = p.structure_id and w.revoked_at is null))
              and not exists (select 1 from statement_claims c where c.redemption_id = p.redemption_id)
            order by p.structure_id, p.redeemed_at, p.redemption_id""";

    private final CommandHandler handler;
    private final SettlementRun runs;
    private final Statement statements;
    private final Reimbursement reimbursements;
    private final PaymentInstructions instructions;
    private final PayoutClawbacks clawbacks;
    /** How long a redemption waits before it is payable, so that reversals and disputes come first. */
    private final Duration holdingPeriod;

    public SettlementService(CommandHandler handler, Clock clock, PaymentInstructions instructions,
                             PayoutClawbacks clawbacks,
                             @ConfigProperty(name = "ledger.settlement.holding-period", defaultValue = "P14D")
                             String holdingPeriod) {
        this.holdingPeriod = Duration.parse(holdingPeriod);
        if (this.holdingPeriod.isNegative()) {
            throw new IllegalArgumentException("ledger.settlement.holding-period must not be negative");
        }
        this.handler = handler;
        this.instructions = instructions;
        this.clawbacks = clawbacks;
        this.runs = new SettlementRun(clock);
        this.statements = new Statement(clock);
        this.reimbursements = new Reimbursement(clock);
    }

    /**
     * Opens the run, then issues one statement per place with payable redemptions in the period. The year's
     * statement counter stays locked until the transaction ends, so runs are serialised: numbers have no gaps
     * and a run sees every claim of the runs before it. The claims table is the last word on "never twice".
     */
    public Uni<RunResult> run(Mutiny.Session session, OpenSettlementRun command, EventMetadata metadata) {
        return handler.handle(session, command.runId().toString(), runs, SettlementEvent.class, command, metadata)
                .chain(decision -> {
                    SettlementRunOpenedV2 opened = (SettlementRunOpenedV2) decision.events().get(0);
                    int year = StatementNumber.yearOf(opened.openedAt());
                    Instant payableUntil = SettlementPeriods.payableUntil(opened.openedAt(), holdingPeriod);
                    return claimName(session, command, payableUntil)
                            .chain(() -> DocumentCounters.lock(session, DocumentCounters.STATEMENTS, year))
                            .chain(last -> payable(session, command, payableUntil)
                                    .chain(rows -> issueAll(session, command.runId(), byStructure(rows), year,
                                            last, metadata)))
                            .chain(issued -> DocumentCounters.advance(session, DocumentCounters.STATEMENTS, year, issued.size())
                                    .replaceWith(issued))
                            .map(issued -> new RunResult(command.runId(), command.name(), command.periodStart(),
                                    command.periodEnd(), opened.redemptionsComplete(), opened.redemptionsBehind(),
                                    issued));
                });
    }

    /** A statement as its own stream tells it (Status.NONE when unknown). */
    public Uni<StatementState> statement(Mutiny.Session session, UUID statementId) {
        return handler.state(session, statementId.toString(), statements, SettlementEvent.class);
    }

    public Duration holdingPeriod() {
        return holdingPeriod;
    }

    /**
     * Confirms the statement's payment and reimburses each of its vouchers, all or nothing. The transfer is what
     * the statement is owed less the clawbacks planned for the place's validated incidents (planned when a batch
     * instructed it, else now); the clawbacks are applied in this transaction. A statement paid again after a
     * bank rejection does not reimburse its vouchers a second time.
     */
    public Uni<PaymentResult> confirmPayment(Mutiny.Session session, ConfirmPayment command, EventMetadata metadata) {
        UUID statementId = command.statementId();
        return statement(session, statementId).chain(before -> {
            if (before.status() == StatementState.Status.NONE) {
                throw Refusal.notFound("statement", statementId);
            }
            if (before.status() == StatementState.Status.PAID) {
                throw Refusal.rule("statement-already-paid", "Statement " + before.statementNumber()
                        + " was already paid (bank reference " + before.bankReference() + ").");
            }
            return instructions.lock(session, statementId)
                    .chain(() -> instructions.find(session, statementId))
                    .chain(existing -> existing != null
                            ? clawbacks.planned(session, statementId)
                            : clawbacks.plan(session, statementId, before.structureId(), before.owedCents()))
                    .call(clawback -> instructions.instruct(session, statementId, before.structureId(),
                            before.owedCents() - clawback, null))
                    .chain(clawback -> handler.handle(session, statementId.toString(), statements,
                            SettlementEvent.class, new ConfirmPayment(statementId, command.bankReference(), clawback),
                            metadata))
                    .call(decision -> clawbacks.apply(session, statementId, before.structureId(),
                            decision.state().paidAt(), metadata))
                    .call(decision -> before.vouchersReimbursed() ? Uni.createFrom().voidItem()
                            : reimburse(session, statementId, decision.state(), decision.state().lines(), 0, metadata))
                    .map(decision -> {
                        StatementState state = decision.state();
                        return new PaymentResult(statementId, state.statementNumber(), state.structureId(),
                                state.paidCents(), state.bankReference(), state.paidAt(),
                                before.vouchersReimbursed() ? 0 : state.lines().size());
                    });
        });
    }

    private Uni<Void> reimburse(Mutiny.Session session, UUID statementId, StatementState statement,
                                List<StatementLine> lines, int index, EventMetadata metadata) {
        if (index == lines.size()) {
            return Uni.createFrom().voidItem();
        }
        StatementLine line = lines.get(index);
        var command = new ReimburseVoucher(statementId, statement.structureId(), line);
        // a new stream per voucher: its expected version is 0, and a second reimbursement is refused
        return handler.handle(session, line.voucherId().toString(), reimbursements, SettlementEvent.class, command,
                        metadata)
                .chain(() -> reimburse(session, statementId, statement, lines, index + 1, metadata));
    }

    private Uni<Void> claimName(Mutiny.Session session, OpenSettlementRun command, Instant payableUntil) {
        return session.createNativeQuery("""
                        insert into settlement_runs (run_id, name, payable_until)
                        values (cast(:id as uuid), :name, :payableUntil)
                        on conflict do nothing""")
                .setParameter("payableUntil", payableUntil.atOffset(ZoneOffset.UTC))
                .setParameter("id", command.runId().toString())
                .setParameter("name", command.name())
                .executeUpdate()
                .invoke(claimed -> {
                    if (claimed == 0) {
                        throw Refusal.rule("run-name-taken",
                                "A settlement run named '" + command.name() + "' already exists.");
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<List<Payable>> payable(Mutiny.Session session, OpenSettlementRun command,
                                              Instant payableUntil) {
        return session.createNativeQuery(PAYABLE, Object[].class)
                .setParameter("payableUntil", payableUntil.atOffset(ZoneOffset.UTC))
                .setParameter("start", command.periodStart().atOffset(ZoneOffset.UTC))
                .setParameter("end", command.periodEnd().atOffset(ZoneOffset.UTC))
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Payable(
                        UUID.fromString((String) row[0]), UUID.fromString((String) row[1]),
                        UUID.fromString((String) row[2]), UUID.fromString((String) row[3]),
                        UUID.fromString((String) row[4]), UUID.fromString((String) row[5]),
                        ((Number) row[6]).longValue())).toList());
    }

    private static List<List<Payable>> byStructure(List<Payable> rows) {
        Map<UUID, List<Payable>> groups = new LinkedHashMap<>();
        for (Payable row : rows) {
            groups.computeIfAbsent(row.structureId(), id -> new ArrayList<>()).add(row);
        }
        return new ArrayList<>(groups.values());
    }

    /** Issues the places' statements one after the other, numbering only those actually issued. */
    private Uni<List<IssuedStatement>> issueAll(Mutiny.Session session, UUID runId, List<List<Payable>> groups,
                                                int year, long lastNumber, EventMetadata metadata) {
        List<IssuedStatement> issued = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<Payable> group : groups) {
            chain = chain.chain(() -> issue(session, runId, group, year, lastNumber + issued.size() + 1, metadata)
                    .invoke(statement -> {
                        if (statement != null) {
                            issued.add(statement);
                        }
                    })
                    .replaceWithVoid());
        }
        return chain.map(ignored -> issued);
    }

    /** Claims the group's redemptions for a new statement; issues it with the ones claimed, if any. */
    private Uni<IssuedStatement> issue(Mutiny.Session session, UUID runId, List<Payable> group, int year, long rank,
                                       EventMetadata metadata) {
        UUID statementId = UUID.randomUUID();
        UUID structureId = group.get(0).structureId();
        UUID[] ids = group.stream().map(Payable::redemptionId).toArray(UUID[]::new);
        return session.createNativeQuery("""
                        insert into statement_claims (redemption_id, statement_id)
                        select claimed.id, cast(:statement as uuid)
                        from unnest(cast(:ids as uuid[])) as claimed(id)
                        on conflict do nothing""")
                .setParameter("statement", statementId.toString())
                .setParameter("ids", ids)
                .executeUpdate()
                .chain(() -> session.createNativeQuery(
                                "select cast(redemption_id as text) from statement_claims where statement_id = cast(:statement as uuid)",
                                String.class)
                        .setParameter("statement", statementId.toString())
                        .getResultList())
                .chain(claimed -> {
                    Set<UUID> mine = new HashSet<>();
                    claimed.forEach(id -> mine.add(UUID.fromString(id)));
                    List<StatementLine> lines = group.stream().filter(p -> mine.contains(p.redemptionId()))
                            .map(Payable::line).toList();
                    if (lines.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    var command = new IssueStatement(statementId, runId, structureId,
                            StatementNumber.format(year, rank), lines);
                    return handler.handle(session, statementId.toString(), statements, SettlementEvent.class,
                                    command, metadata)
                            .map(decision -> {
                                StatementIssued event = (StatementIssued) decision.events().get(0);
                                return new IssuedStatement(statementId, structureId, event.statementNumber(),
                                        event.totalCents(), event.lines().size());
                            });
                });
    }
}
