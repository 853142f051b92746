package org.passledger.kernel.testapp;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return runner.consume("test-vouchers", records, projection);
    }
}
