package org.passledger.labelling.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Facts about a place that stay in this service's own stream: no event type for them exists yet on the
 * labelling topic, and no other service needs them to decide anything (the label's dates all travel).
 * They are ordered with the shared stream by the shared version they follow.
 */
public sealed interface LocalStructureEvent {

    UUID structureId();

    /** Stable type name stored with the event. */
    String type();

    static Class<? extends LocalStructureEvent> classOf(String type) {
        return switch (type) {
            case ProfileChanged.TYPE -> ProfileChanged.class;
            case ApplicationSubmitted.TYPE -> ApplicationSubmitted.class;
            case ApplicationWithdrawn.TYPE -> ApplicationWithdrawn.class;
            case LabelRefused.TYPE -> LabelRefused.class;
            default -> throw new IllegalArgumentException("unknown local event type " + type);
        };
    }

    /** Opening hours, contact, sites or catalogue set at registration or edited later. */
    record ProfileChanged(UUID structureId, StructureProfile profile, Instant changedAt) implements LocalStructureEvent {

        public static final String TYPE = "structure.profile-changed";

        public ProfileChanged {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(changedAt, "changedAt");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** The questionnaire answers and the charter acceptance behind a {@code structure.label-applied.v1}. */
    record ApplicationSubmitted(UUID structureId, UUID applicationId, Map<String, String> answers,
                                boolean charterAccepted, Instant submittedAt) implements LocalStructureEvent {

        public static final String TYPE = "structure.application-submitted";

        public ApplicationSubmitted {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(applicationId, "applicationId");
            answers = answers == null ? Map.of() : Map.copyOf(answers);
            Objects.requireNonNull(submittedAt, "submittedAt");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    record ApplicationWithdrawn(UUID structureId, UUID applicationId, Instant withdrawnAt)
            implements LocalStructureEvent {

        public static final String TYPE = "structure.application-withdrawn";

        public ApplicationWithdrawn {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(withdrawnAt, "withdrawnAt");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** The agency turned the application down, with its reason. */
    record LabelRefused(UUID structureId, UUID applicationId, String reason, Instant refusedAt)
            implements LocalStructureEvent {

        public static final String TYPE = "structure.label-refused";

        public LabelRefused {
            Objects.requireNonNull(structureId, "structureId");
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(refusedAt, "refusedAt");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** Lists every type, for tests that round-trip them. */
    static List<String> types() {
        return List.of(ProfileChanged.TYPE, ApplicationSubmitted.TYPE, ApplicationWithdrawn.TYPE, LabelRefused.TYPE);
    }
}
