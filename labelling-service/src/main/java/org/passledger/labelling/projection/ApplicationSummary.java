package org.passledger.labelling.projection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A label application and, once there is one, the answer to it. */
@Schema(name = "LabelApplicationSummary")
public record ApplicationSummary(UUID applicationId, UUID structureId,
                                 @Schema(example = "Connect & vous") String name,
                                 @Schema(example = "30") String departement,
                                 @Schema(example = "PENDING", enumeration = {"PENDING", "WITHDRAWN", "REFUSED", "GRANTED"})
                                 String status,
                                 @Schema(example = "[\"online-procedures\"]") List<String> services,
                                 Map<String, String> answers,
                                 @Schema(description = "Whether the charter was accepted; null for applications "
                                         + "recorded before the questionnaire travelled on the topic",
                                         example = "true") Boolean charterAccepted,
                                 Instant charterAcceptedAt,
                                 Instant submittedAt, Instant decidedAt,
                                 @Schema(example = "Questionnaire incomplet") String reason) {
}
