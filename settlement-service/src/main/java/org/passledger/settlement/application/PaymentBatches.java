package org.passledger.settlement.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.PaymentRejected;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.SqlTime;
import org.passledger.settlement.application.PaymentInstructions.Instruction;
import org.passledger.settlement.domain.Iban;
import org.passledger.settlement.domain.Statement;
import org.passledger.settlement.domain.StatementCommand.RejectPayment;
import org.passledger.settlement.domain.StatementNumber;
import org.passledger.settlement.domain.StatementState;
import org.passledger.settlement.domain.StatementState.Status;
import org.passledger.settlement.sepa.CreditTransferFile;
import org.passledger.settlement.sepa.CreditTransferFile.Debtor;
import org.passledger.settlement.sepa.CreditTransferFile.Transfer;
import org.passledger.settlement.sepa.Pain001Schema;
import org.passledger.settlement.sepa.SepaRules;

/**
 * Statement approval and payment batches. Approval is write-side state (one row per statement, written once);
 * a batch copies each approved statement's payment instruction from the place's verified account and writes the
 * SEPA credit transfer file, validated against the schema before it is kept.
 */
@ApplicationScoped
public class PaymentBatches {

    /** A statement's approval. */
    public record Approval(UUID statementId, UUID structureId, String statementNumber, long totalCents,
                           String approvedBy, Instant approvedAt) {
    }

    /** One transfer of a batch. */
    public record BatchLine(String statementNumber, Instruction instruction, boolean rejected) {
    }

    /** A batch and its transfers. */
    public record Batch(UUID batchId, String messageId, LocalDate executionDate, int transactionCount,
                        long controlSumCents, String createdBy, Instant createdAt, List<BatchLine> lines) {
    }

    private final CommandHandler handler;
    private final Statement statements;
    private final PaymentInstructions instructions;
    private final PayoutAccounts accounts;
    private final PayoutClawbacks clawbacks;
    private final Clock clock;
    private final Debtor debtor;

    public PaymentBatches(CommandHandler handler, PaymentInstructions instructions, PayoutAccounts accounts,
                          PayoutClawbacks clawbacks, Clock clock,
                          @ConfigProperty(name = "ledger.settlement.debtor.name") String debtorName,
                          @ConfigProperty(name = "ledger.settlement.debtor.iban") String debtorIban,
                          @ConfigProperty(name = "ledger.settlement.debtor.bic") String debtorBic) {
        this.handler = handler;
        this.statements = new Statement(clock);
        this.instructions = instructions;
        this.accounts = accounts;
        this.clawbacks = clawbacks;
        this.clock = clock;
        this.debtor = new Debtor(debtorName, Iban.parse(debtorIban).value(), debtorBic);
    }

    /** Approves an issued, unpaid statement, once. */
    public Uni<Approval> approve(Mutiny.Session session, UUID statementId, String actor) {
        return handler.state(session, statementId.toString(), statements, SettlementEvent.class).chain(state -> {
            if (state.status() == Status.NONE) {
                throw Refusal.notFound("statement", statementId);
            }
            if (state.status() == Status.PAID) {
                throw Refusal.rule("statement-already-paid",
                        "Statement " + state.statementNumber() + " is paid already.");
            }
            Approval approval = new Approval(statementId, state.structureId(), state.statementNumber(),
                    state.totalCents(), actor, clock.instant());
            return session.createNativeQuery("""
                            insert into statement_approvals (statement_id, structure_id, statement_number, total_cents,
                                                             approved_by, approved_at)
                            values (cast(:id as uuid), cast(:structure as uuid), :number, :total, :actor, :at)
                            on conflict do nothing""")
                    .setParameter("id", statementId.toString())
                    .setParameter("structure", state.structureId().toString())
                    .setParameter("number", state.statementNumber())
                    .setParameter("total", state.totalCents())
                    .setParameter("actor", actor)
                    .setParameter("at", approval.approvedAt().atOffset(ZoneOffset.UTC))
                    .executeUpdate()
                    .map(inserted -> {
                        if (inserted == 0) {
                            throw Refusal.rule("statement-already-approved",
                                    "Statement " + state.statementNumber() + " was approved already.");
                        }
                        return approval;
                    });
        });
    }

    /**
     * Puts approved, unpaid statements not yet in a batch into a new batch, all or nothing; the approvals' rows
     * are locked so two batches cannot take the same statement.
     */
    public Uni<Batch> create(Mutiny.Session session, List<UUID> statementIds, LocalDate executionDate,
                             String actor) {
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(statementIds));
        Instant now = clock.instant();
        LocalDate today = now.atZone(StatementNumber.BOOKS_ZONE).toLocalDate();
        LocalDate execution = executionDate == null ? today : executionDate;
        if (execution.isBefore(today)) {
            throw Refusal.invalid("execution-date-in-past",
                    "The requested execution date " + execution + " is before today (" + today + ").");
        }
        UUID batchId = UUID.randomUUID();
        String messageId = "PLB-" + DateTimeFormatter.BASIC_ISO_DATE.format(today) + "-"
                + batchId.toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        return session.createNativeQuery("""
                        select cast(statement_id as text) from statement_approvals
                        where statement_id = any(cast(:ids as uuid[])) order by statement_id for update""",
                        String.class)
                .setParameter("ids", ids.toArray(UUID[]::new))
                .getResultList()
                .chain(approved -> {
                    for (UUID id : ids) {
                        if (!approved.contains(id.toString())) {
                            throw Refusal.rule("statement-not-approved",
                                    "Statement " + id + " is not approved (or unknown): approve it first.");
                        }
                    }
                    return addLines(session, ids, 0, batchId, new ArrayList<>());
                })
                .chain(lines -> {
                    List<Transfer> transfers = lines.stream().map(line -> new Transfer(line.statementNumber(),
                            line.instruction().amountCents(), line.instruction().holderName(),
                            line.instruction().iban(), line.instruction().bic(),
                            "Pass Numerique releve " + line.statementNumber())).toList();
                    String document = CreditTransferFile.write(messageId, now, execution, debtor, transfers);
                    Pain001Schema.validate(document); // the ISO 20022 schema
                    SepaRules.check(document); // what the EPC adds to it
                    long total = transfers.stream().mapToLong(Transfer::amountCents).sum();
                    Batch batch = new Batch(batchId, messageId, execution, transfers.size(), total, actor, now, lines);
                    return session.createNativeQuery("""
                                    insert into payment_batches (batch_id, message_id, execution_date, transaction_count,
                                        control_sum_cents, created_by, created_at, document)
                                    values (cast(:id as uuid), :message, :execution, :count, :total,
                                        :actor, :at, :document)""")
                            .setParameter("id", batchId.toString())
                            .setParameter("message", messageId)
                            .setParameter("execution", execution)
                            .setParameter("count", transfers.size())
                            .setParameter("total", total)
                            .setParameter("actor", actor)
                            .setParameter("at", now.atOffset(ZoneOffset.UTC))
                            .setParameter("document", document)
                            .executeUpdate()
                            .replaceWith(batch);
                });
    }

    private Uni<List<BatchLine>> addLines(Mutiny.Session session, List<UUID> ids, int index, UUID batchId,
                                          List<BatchLine> lines) {
        if (index == ids.size()) {
            return Uni.createFrom().item(lines);
        }
        UUID id = ids.get(index);
        return instructions.lock(session, id)
                .chain(() -> handler.state(session, id.toString(), statements, SettlementEvent.class))
                .chain(state -> instructions.find(session, id).chain(existing -> {
                    if (state.status() == Status.PAID) {
                        throw Refusal.rule("statement-already-paid",
                                "Statement " + state.statementNumber() + " is paid already.");
                    }
                    if (existing != null) {
                        throw Refusal.rule("statement-already-batched", "Statement "
                                + state.statementNumber() + " is in payment batch " + existing.batchId() + " already.");
                    }
                    // the file carries the net transfer: what is owed less the place's planned clawbacks
                    return clawbacks.plan(session, id, state.structureId(), state.owedCents())
                            .chain(clawback -> {
                                if (clawback == state.owedCents()) {
                                    throw Refusal.rule("nothing-to-transfer", "Statement "
                                            + state.statementNumber() + " is entirely clawed back for the place's "
                                            + "incidents: confirm its payment without a transfer.");
                                }
                                return instructions.instruct(session, id, state.structureId(),
                                        state.owedCents() - clawback, batchId);
                            })
                            .map(instruction -> new BatchLine(state.statementNumber(), instruction, false));
                }))
                .chain(line -> {
                    lines.add(line);
                    return addLines(session, ids, index + 1, batchId, lines);
                });
    }

    /** A transfer the bank rejected. */
    public record Rejection(UUID rejectionId, UUID statementId, String statementNumber, UUID structureId,
                            UUID accountId, long amountCents, UUID batchId, String reason, String rejectedBy,
                            Instant rejectedAt, boolean afterConfirmation) {
    }

    /**
     * Records the bank's rejection of a statement's transfer, confirmed or not: appends
     * settlement.payment-rejected.v1, moves the instruction to payment_rejections, refuses the account it named;
     * the statement, unpaid and still approved, is owed again on the place's next verified account. Before
     * confirmation the planned clawbacks are released; after it they stay recovered and the vouchers stay
     * reimbursed.
     */
    public Uni<Rejection> reject(Mutiny.Session session, UUID statementId, String reason, String actor,
                                 EventMetadata metadata) {
        return handler.state(session, statementId.toString(), statements, SettlementEvent.class)
                .chain(state -> {
                    if (state.status() == Status.NONE) {
                        throw Refusal.notFound("statement", statementId);
                    }
                    return instructions.lock(session, statementId)
                            .chain(() -> instructions.find(session, statementId))
                            .chain(instruction -> {
                                if (instruction == null) {
                                    throw Refusal.rule("payment-not-instructed", "No transfer was "
                                            + "instructed for statement " + state.statementNumber() + ".");
                                }
                                var command = new RejectPayment(statementId, instruction.accountId(),
                                        instruction.amountCents(), reason);
                                return handler.handle(session, statementId.toString(), statements,
                                                SettlementEvent.class, command, metadata)
                                        .chain(decision -> {
                                            PaymentRejected event = (PaymentRejected) decision.events().get(0);
                                            Rejection rejection = new Rejection(UUID.randomUUID(), statementId,
                                                    state.statementNumber(), state.structureId(),
                                                    instruction.accountId(), event.amountCents(),
                                                    instruction.batchId(), reason, actor, event.rejectedAt(),
                                                    event.afterConfirmation());
                                            return void_(session, rejection, state.statementNumber())
                                                    .call(() -> event.afterConfirmation()
                                                            ? Uni.createFrom().voidItem()
                                                            : clawbacks.release(session, statementId))
                                                    .replaceWith(rejection);
                                        });
                            });
                });
    }

    /** Moves the instruction to payment_rejections and refuses the account it named. */
    private Uni<Void> void_(Mutiny.Session session, Rejection rejection, String statementNumber) {
        return session.createNativeQuery("""
                        insert into payment_rejections (rejection_id, statement_id, structure_id,
                            account_id, iban, bic, holder_name, amount_cents, batch_id,
                            instructed_at, reason, rejected_by, rejected_at, after_confirmation)
                        select cast(:rejection as uuid), statement_id, structure_id, account_id,
                            iban, bic, holder_name, amount_cents, batch_id, created_at,
                            :reason, :actor, :at, :after
                        from payment_instructions where statement_id = cast(:id as uuid)""")
                .setParameter("rejection", rejection.rejectionId().toString())
                .setParameter("reason", rejection.reason())
                .setParameter("actor", rejection.rejectedBy())
                .setParameter("at", rejection.rejectedAt().atOffset(ZoneOffset.UTC))
                .setParameter("after", rejection.afterConfirmation())
                .setParameter("id", rejection.statementId().toString())
                .executeUpdate()
                .chain(() -> session.createNativeQuery(
                                "delete from payment_instructions where statement_id = cast(:id as uuid)")
                        .setParameter("id", rejection.statementId().toString())
                        .executeUpdate())
                .chain(() -> accounts.refuseIfOpen(session, rejection.accountId(), rejection.rejectedBy(),
                        "transfer of statement " + statementNumber + " rejected: " + rejection.reason()))
                .replaceWithVoid();
    }

    /** The batch with its transfers, or null. */
    public Uni<Batch> find(Mutiny.Session session, UUID batchId) {
        return session.createNativeQuery("""
                        select message_id, cast(execution_date as text), transaction_count, control_sum_cents,
                               created_by, """ + SqlTime.micros("created_at") + """
                         from payment_batches where batch_id = cast(:id as uuid)""", Object[].class)
                .setParameter("id", batchId.toString())
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    Object[] row = rows.get(0);
                    return session.createNativeQuery("""
                                    select cast(i.statement_id as text), cast(i.structure_id as text),
                                           cast(i.account_id as text), i.iban, i.bic, i.holder_name, i.amount_cents,
                                           cast(i.batch_id as text), """ + SqlTime.micros("i.created_at") + """
                                           , a.statement_number, false
                                    from payment_instructions i join statement_approvals a using (statement_id)
                                    where i.batch_id = cast(:id as uuid)
                                    union all
                                    select cast(r.statement_id as text), cast(r.structure_id as text),
                                           cast(r.account_id as text), r.iban, r.bic, r.holder_name, r.amount_cents,
                                           cast(r.batch_id as text), """ + SqlTime.micros("r.instructed_at") + """
                                           , a.statement_number, true
                                    from payment_rejections r join statement_approvals a using (statement_id)
                                    where r.batch_id = cast(:id as uuid)
                                    order by 10""", Object[].class)
                            .setParameter("id", batchId.toString())
                            .getResultList()
                            .map(lines -> new Batch(batchId, (String) row[0], LocalDate.parse((String) row[1]),
                                    ((Number) row[2]).intValue(), ((Number) row[3]).longValue(), (String) row[4],
                                    SqlTime.fromMicros(row[5]), lines.stream()
                                    .map(l -> new BatchLine((String) l[9], PaymentInstructions.instruction(l),
                                            Boolean.TRUE.equals(l[10])))
                                    .toList()));
                });
    }

    /** The batch's pain.001 document, or null. */
    public Uni<String> document(Mutiny.Session session, UUID batchId) {
        return session.createNativeQuery(
                        "select document from payment_batches where batch_id = cast(:id as uuid)", String.class)
                .setParameter("id", batchId.toString())
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }
}
