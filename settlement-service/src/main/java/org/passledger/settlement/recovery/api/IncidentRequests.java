package org.passledger.settlement.recovery.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies about incidents. */
public final class IncidentRequests {

    private IncidentRequests() {
    }

    @Schema(name = "OpenIncident")
    public record Open(
            @NotNull @Schema(description = "The place the vouchers were reimbursed to") UUID structureId,
            @NotBlank @Schema(enumeration = {"overpayment", "fraud"}, example = "overpayment") String kind,
            @NotEmpty @Size(max = 1000) @Schema(description = "Vouchers reimbursed to that place") List<@NotNull UUID> voucherIds,
            @Positive @Schema(description = "At most what the place was reimbursed for these vouchers", example = "1500")
            long amountCents,
            @NotBlank @Size(max = 2000) @Schema(example = "Workshop billed twice") String description) {
    }

    @Schema(name = "IncidentDismissal")
    public record Dismissal(
            @NotBlank @Size(max = 500) @Schema(example = "the place proved the workshop took place") String reason) {
    }
}
