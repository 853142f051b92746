package org.passledger.settlement.billing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.passledger.events.EventEnvelope;
import org.passledger.events.ProgrammeEvent.BooksOrdered;
import org.passledger.events.SettlementEvent;
import org.passledger.events.SettlementEvent.FunderInvoiced;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.settlement.application.DocumentCounters;
import org.passledger.settlement.domain.StatementNumber;

/**
 * Invoices a funder once per order: face value plus the operator's fee by the rule in force on the order's day
 * (Europe/Paris), a programme's rule before the default; without a rule, the fee quoted with the order. The
 * invoice id is derived from the order id, so a replayed order finds its invoice and is not invoiced again.
 */
@ApplicationScoped
public class FunderInvoices {

    /** Names the quoted fee when no rule was in force. */
    public static final String PROGRAMME_QUOTE = "programme-quote";
    static final String ACTOR = "settlement-service:invoicing";
    private static final Logger LOG = Logger.getLogger(FunderInvoices.class);
    private static final IssueOnce ONCE = new IssueOnce("invoice-exists");

    private final CommandHandler handler;
    private final FeeRules rules;
    private final Clock clock;

    public FunderInvoices(CommandHandler handler, FeeRules rules, Clock clock) {
        this.handler = handler;
        this.rules = rules;
        this.clock = clock;
    }

    public static UUID invoiceIdOf(UUID orderId) {
        return UUID.nameUUIDFromBytes(("funder-invoice:" + orderId).getBytes(StandardCharsets.UTF_8));
    }

    /** Appends the order's invoice unless it exists; numbering is locked for the year meanwhile. */
    public Uni<Void> invoice(Mutiny.Session session, EventEnvelope envelope, BooksOrdered order) {
        UUID invoiceId = invoiceIdOf(order.orderId());
        Instant now = clock.instant();
        int year = DocumentCounters.yearOf(now);
        LocalDate orderDay = order.orderedAt().atZone(StatementNumber.BOOKS_ZONE).toLocalDate();
        return DocumentCounters.lock(session, DocumentCounters.INVOICES, year)
                .chain(last -> streamExists(session, invoiceId).chain(exists -> {
                    if (exists) {
                        LOG.infof("Order %s is invoiced already (%s)", order.orderId(), invoiceId);
                        return Uni.createFrom().voidItem();
                    }
                    return rules.inForce(session, order.programmeId(), orderDay).chain(rule -> {
                        long face = order.amountCents();
                        long fee = rule == null ? order.feeCents() : Fees.feeCents(face, rule.rateBasisPoints());
                        String ruleId = rule == null ? PROGRAMME_QUOTE : rule.feeRuleId();
                        var invoiced = new FunderInvoiced(invoiceId, order.funderId(), order.programmeId(),
                                order.orderId(), DocumentCounters.format(DocumentCounters.INVOICES, year, last + 1), face,
                                fee, face + fee, ruleId, now);
                        var metadata = new EventMetadata(envelope.correlationId(), envelope.id(), ACTOR);
                        return handler.handle(session, invoiceId.toString(), ONCE, SettlementEvent.class, invoiced,
                                        metadata)
                                .chain(() -> DocumentCounters.advance(session, DocumentCounters.INVOICES, year, 1));
                    });
                }));
    }

    private static Uni<Boolean> streamExists(Mutiny.Session session, UUID streamId) {
        return session.createNativeQuery("select count(*) from events where stream_id = :stream", Long.class)
                .setParameter("stream", streamId.toString())
                .getSingleResult()
                .map(count -> count > 0);
    }
}
