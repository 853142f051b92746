package org.passledger.settlement.billing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.SettlementEvent.CreditNoteIssued;
import org.passledger.events.SettlementEvent.FunderInvoiced;
import org.passledger.events.Topics;
import org.passledger.kernel.projection.Projection;

/** Keeps the funders' invoices and credit notes read models from this service's own topic. */
@ApplicationScoped
public class BillingViewsProjection implements Projection {

    public static final String NAME = "settlement.billing-views";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.SETTLEMENTS);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope envelope) {
        Object event = envelope.data();
        if (event instanceof FunderInvoiced invoiced) {
            return session.createNativeQuery("""
                            insert into funder_invoice_view (invoice_id, funder_id, programme_id, order_id,
                                invoice_number, face_value_cents, fee_cents, total_cents, fee_rule_id, invoiced_at,
                                events_applied)
                            values (cast(:id as uuid), cast(:funder as uuid), cast(:programme as uuid),
                                    cast(:order as uuid), :number, :face, :fee, :total, :rule, :at, 1)""")
                    .setParameter("id", invoiced.invoiceId().toString())
                    .setParameter("funder", invoiced.funderId().toString())
                    .setParameter("programme", invoiced.programmeId().toString())
                    .setParameter("order", invoiced.orderId().toString())
                    .setParameter("number", invoiced.invoiceNumber())
                    .setParameter("face", invoiced.faceValueCents())
                    .setParameter("fee", invoiced.feeCents())
                    .setParameter("total", invoiced.totalCents())
                    .setParameter("rule", invoiced.feeRuleId())
                    .setParameter("at", invoiced.invoicedAt().atOffset(ZoneOffset.UTC))
                    .executeUpdate()
                    .replaceWithVoid();
        }
        if (event instanceof CreditNoteIssued credited) {
            return session.createNativeQuery("""
                            insert into credit_note_view (credit_note_id, funder_id, programme_id, credit_note_number,
                                amount_cents, voucher_count, issued_at, events_applied)
                            values (cast(:id as uuid), cast(:funder as uuid), cast(:programme as uuid), :number,
                                    :amount, :count, :at, 1)""")
                    .setParameter("id", credited.creditNoteId().toString())
                    .setParameter("funder", credited.funderId().toString())
                    .setParameter("programme", credited.programmeId().toString())
                    .setParameter("number", credited.creditNoteNumber())
                    .setParameter("amount", credited.amountCents())
                    .setParameter("count", credited.voucherIds().size())
                    .setParameter("at", credited.issuedAt().atOffset(ZoneOffset.UTC))
                    .executeUpdate()
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from funder_invoice_view").executeUpdate()
                .chain(() -> session.createNativeQuery("delete from credit_note_view").executeUpdate())
                .replaceWithVoid();
    }
}
