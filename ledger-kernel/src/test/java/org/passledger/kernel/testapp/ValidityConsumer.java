package org.passledger.kernel.testapp;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passledger.kernel.projection.ProjectionRunner;

@ApplicationScoped
public class ValidityConsumer {

    private final ProjectionRunner runner;
    private final ValidityProjection projection;

    public ValidityConsumer(ProjectionRunner runner, ValidityProjection projection) {
        this.runner = runner;
        this.projection = projection;
    }

    @Incoming("test-vouchers")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return runner.consume(record, projection);
    }
}
