package org.passledger.labelling.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passledger.kernel.projection.ProjectionRunner;

/** Feeds the labelling topic to this service's read models. */
@ApplicationScoped
public class StructureEventsConsumer {

    private final ProjectionRunner runner;
    private final StructureViewProjection structures;
    private final StructureProfileProjection profiles;
    private final LabelApplicationsProjection applications;

    public StructureEventsConsumer(ProjectionRunner runner, StructureViewProjection structures,
                                   StructureProfileProjection profiles, LabelApplicationsProjection applications) {
        this.runner = runner;
        this.structures = structures;
        this.profiles = profiles;
        this.applications = applications;
    }

    @Incoming("structures")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return runner.consume("structures", records, structures, profiles, applications);
    }
}
