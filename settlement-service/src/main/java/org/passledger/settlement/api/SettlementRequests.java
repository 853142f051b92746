package org.passledger.settlement.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the settlement API. */
public final class SettlementRequests {

    private SettlementRequests() {
    }

    @Schema(name = "OpenSettlementRun")
    public record OpenRun(
            @Schema(description = "Start of the period, included; with periodEnd, or both omitted for the previous "
                    + "calendar month (midnight Europe/Paris)", example = "2026-02-28T23:00:00Z")
            Instant periodStart,
            @Schema(description = "End of the period, excluded; not after now; with periodStart, or both omitted",
                    example = "2026-03-31T22:00:00Z")
            Instant periodEnd,
            @Size(min = 1, max = 100) @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with a space")
            @Schema(description = "Unique name of the run; defaults to run-<periodStart>-<periodEnd>", example = "2026-03")
            String name) {
    }

    @Schema(name = "PaymentConfirmation")
    public record ConfirmPayment(
            @NotBlank @Size(max = 100)
            @Schema(description = "The bank's reference of the transfer", example = "SEPA-2026-04-02-000731")
            String bankReference) {
    }
}
