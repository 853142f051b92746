package org.passledger.settlement.billing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.ProgrammeEvent.BooksOrdered;
import org.passledger.events.Topics;
import org.passledger.kernel.projection.Projection;

/**
 * Turns each book order on issuance's programme topic into the funder's invoice. It keeps no rows of its own
 * (the invoices are events), so a rebuild empties nothing and replays the orders, each finding its invoice.
 */
@ApplicationScoped
public class FunderInvoicingProjection implements Projection {

    public static final String NAME = "settlement.funder-invoicing";

    private final FunderInvoices invoices;

    public FunderInvoicingProjection(FunderInvoices invoices) {
        this.invoices = invoices;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.PROGRAMMES);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope envelope) {
        if (envelope.data() instanceof BooksOrdered order) {
            return invoices.invoice(session, envelope, order);
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return Uni.createFrom().voidItem();
    }
}
