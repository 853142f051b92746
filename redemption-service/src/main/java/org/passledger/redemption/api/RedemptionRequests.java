package org.passledger.redemption.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the redemption API. */
public final class RedemptionRequests {

    private RedemptionRequests() {
    }

    @Schema(name = "RedeemVoucher", description = "A voucher presented at the calling place")
    public record Redeem(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9 -]*[A-Za-z0-9][A-Za-z0-9 -]*",
                    message = "must be letters and digits, optionally grouped by spaces or dashes")
            @Schema(description = "The printed code; case, spaces and dashes do not matter", example = "PN7K-3Q9X-2MHD")
            String code,
            @NotBlank @Size(max = 100) @Schema(description = "The service the voucher pays for",
                    example = "atelier-collectif") String service,
            @Size(max = 100) @Schema(description = "The place's own session or workshop reference",
                    example = "ATELIER-2026-03-14-AM") String sessionReference,
            @Size(max = 100) @Schema(description = "Who scanned the voucher", example = "c.martin") String staffMember) {
    }

    @Schema(name = "ValidateVoucher", description = "May this code be redeemed here, now, for this service?")
    public record Validate(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9 -]*[A-Za-z0-9][A-Za-z0-9 -]*",
                    message = "must be letters and digits, optionally grouped by spaces or dashes")
            @Schema(description = "The printed code; case, spaces and dashes do not matter", example = "PN7K-3Q9X-2MHD")
            String code,
            @NotBlank @Size(max = 100) @Schema(description = "The service the voucher would pay for",
                    example = "atelier-collectif") String service) {
    }

    @Schema(name = "ReverseRedemption", description = "Why a redemption is reversed")
    public record Reverse(
            @Size(max = 500) @Schema(description = "Optional for the place within 24 hours, required from the operator",
                    example = "Scanned for the wrong beneficiary") String reason) {
    }
}
