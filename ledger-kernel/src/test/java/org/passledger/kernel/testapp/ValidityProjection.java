package org.passledger.kernel.testapp;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.EventEnvelope;
import org.passledger.events.Topics;
import org.passledger.events.VoucherEvent.VoucherValidityExtended;
import org.passledger.kernel.projection.Projection;

@ApplicationScoped
public class ValidityProjection implements Projection {

    @Override
    public String name() {
        return "kernel-test.validity";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.VOUCHERS);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope envelope) {
        if (!(envelope.data() instanceof VoucherValidityExtended extended)) {
            return Uni.createFrom().voidItem();
        }
        if (extended.acceptedUntil().getYear() < 2000) {
            // a read model that cannot take this event, whatever the retry: the dead-letter path is tested with it
            return Uni.createFrom().failure(new IllegalStateException("acceptedUntil before 2000 is not supported"));
        }
        return session.find(ValidityView.class, extended.voucherId()).chain(found -> {
            ValidityView view = found;
            if (view == null) {
                view = new ValidityView();
                view.voucherId = extended.voucherId();
            }
            view.extensions++;
            view.eventsApplied++;
            view.acceptedUntil = extended.acceptedUntil();
            return found == null ? session.persist(view) : Uni.createFrom().voidItem();
        });
    }

    @Override
    public Uni<Void> reset(Mutiny.Session session) {
        return session.createNativeQuery("delete from validity_view").executeUpdate().replaceWithVoid();
    }
}
