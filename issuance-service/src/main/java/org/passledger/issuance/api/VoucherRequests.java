package org.passledger.issuance.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the voucher API. */
public final class VoucherRequests {

    private VoucherRequests() {
    }

    @Schema(name = "DistributeVoucher")
    public record Distribute(
            @NotBlank @Size(max = 40) @Schema(description = "The printed code; case, spaces and dashes do not matter",
                    example = "7KQM-4XHT-9BRC-PE")
            String code,
            @Pattern(regexp = "\\d{1,3}-\\d{1,3}|\\d{1,3}\\+", message = "must be an age bracket such as 60-74 or 75+")
            @Schema(description = "The beneficiary's age bracket, if they agree to give it", example = "60-74")
            String ageBracket,
            @Pattern(regexp = "\\d{5}", message = "must be 5 digits")
            @Schema(description = "The beneficiary's postcode, if they agree to give it", example = "30600")
            String postcode) {
    }

    @Schema(name = "DistributeBook")
    public record DistributeBook(
            @jakarta.validation.constraints.NotNull @Schema(description = "A book in the distributor's stock")
            java.util.UUID bookId,
            @Pattern(regexp = "\\d{1,3}-\\d{1,3}|\\d{1,3}\\+", message = "must be an age bracket such as 60-74 or 75+")
            @Schema(description = "The beneficiary's age bracket, if they agree to give it", example = "60-74")
            String ageBracket,
            @Pattern(regexp = "\\d{5}", message = "must be 5 digits")
            @Schema(description = "The beneficiary's postcode, if they agree to give it", example = "30600")
            String postcode) {
    }
}
