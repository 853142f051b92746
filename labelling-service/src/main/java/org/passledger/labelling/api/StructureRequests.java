package org.passledger.labelling.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the structure API. */
public final class StructureRequests {

    private StructureRequests() {
    }

    @Schema(name = "RegisterStructure")
    public record Register(
            @NotBlank @Size(max = 200) @Schema(example = "Connect & vous") String name,
            @NotBlank @Pattern(regexp = "\\d{14}", message = "must be 14 digits") @Schema(example = "73282932000074") String siret,
            @Size(max = 100) @Schema(example = "association loi 1901") String legalForm,
            @NotNull @Valid AddressBody address,
            @Valid LocationBody location) {
    }

    @Schema(name = "Address")
    public record AddressBody(
            @NotBlank @Size(max = 200) @Schema(example = "12 rue de la République") String street,
            @NotBlank @Pattern(regexp = "\\d{5}", message = "must be 5 digits") @Schema(example = "30600") String postcode,
            @NotBlank @Size(max = 100) @Schema(example = "Vauvert") String commune,
            @NotBlank @Pattern(regexp = "\\d{2}|2A|2B|97\\d", message = "must be a département code") @Schema(example = "30") String departement) {
    }

    @Schema(name = "Location")
    public record LocationBody(
            @DecimalMin("-90") @DecimalMax("90") @Schema(example = "43.6955") double latitude,
            @DecimalMin("-180") @DecimalMax("180") @Schema(example = "4.2769") double longitude) {
    }

    @Schema(name = "LabelApplication")
    public record Apply(
            @NotEmpty @Size(max = 50) @Schema(example = "[\"first-steps-computer\", \"online-procedures\"]")
            List<@NotBlank String> services) {
    }

    @Schema(name = "LabelGrant")
    public record Grant(
            @NotBlank @Size(max = 50) @Schema(example = "ANCT-2026-030-0001") String conventionReference,
            @NotNull @Schema(example = "2026-12-01") LocalDate validFrom) {
    }
}
