package org.passledger.settlement.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies about payout accounts and holding-period waivers. */
public final class AccountRequests {

    private AccountRequests() {
    }

    @Schema(name = "RegisterPayoutAccount")
    public record Register(
            @NotNull @Size(min = 15, max = 42)
            @Schema(description = "IBAN, printed or electronic form; checked with mod-97", example = "FR76 3000 6000 0112 3456 7890 189")
            String iban,
            @NotNull @Pattern(regexp = "[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?", message = "must be a BIC (8 or 11 characters)")
            @Schema(description = "BIC of the bank", example = "AGRIFRPPXXX")
            String bic,
            @NotBlank @Size(max = 70)
            @Schema(description = "Name of the account holder, as the bank knows it", example = "Association Connect & vous")
            String holderName) {
    }

    @Schema(name = "AccountDecision")
    public record Decision(
            @Size(max = 500) @Schema(description = "Why (optional for a verification)", example = "RIB checked with the bank")
            String reason) {
    }

    @Schema(name = "AccountRefusal")
    public record Refusal(
            @NotBlank @Size(max = 500) @Schema(description = "Why the account is refused", example = "holder name differs from the bank's")
            String reason) {
    }

    @Schema(name = "HoldingWaiver")
    public record Waiver(
            @NotBlank @Size(max = 500)
            @Schema(description = "Why the place is paid without waiting for the holding period", example = "long-standing partner, no dispute in two years")
            String reason) {
    }
}
