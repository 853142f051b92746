package org.passledger.issuance.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the programme API. */
public final class ProgrammeRequests {

    private ProgrammeRequests() {
    }

    @Schema(name = "OpenProgramme")
    public record Open(
            @NotBlank @Size(max = 200) @Schema(example = "Pass Numérique Gard 2026") String name,
            @NotBlank @Size(max = 200) @Schema(example = "Département du Gard") String funderName,
            @NotNull @OneOf({"departement", "commune", "intercommunality", "state", "company", "foundation"})
            @Schema(example = "departement",
                    enumeration = {"departement", "commune", "intercommunality", "state", "company", "foundation"})
            String funderType,
            @NotNull @Positive @Max(100_000_000_000L) @Schema(description = "Total budget in euro cents", example = "5000000")
            Long budgetCents,
            @Positive @Max(100_000) @Schema(description = "Face value of one voucher in cents; 1000 when omitted",
                    example = "1000", defaultValue = "1000")
            Long faceValueCents,
            @NotNull @OneOf({"5", "10"}) @Schema(description = "Vouchers per book: 5 or 10", example = "10")
            Integer bookSize,
            @NotEmpty @Size(max = 110) @DepartementCodes
            @Schema(description = "Départements where the vouchers may be used", example = "[\"30\"]")
            List<String> territory,
            @NotNull @Schema(description = "Last day of validity", example = "2026-12-31") LocalDate validUntil,
            @NotNull @Schema(description = "Last day structures still accept the vouchers; not before validUntil",
                    example = "2027-01-31")
            LocalDate acceptedUntil,
            @Size(max = 20) @Schema(example = "[\"seniors\", \"demandeurs-emploi\"]")
            List<@NotBlank @Size(max = 100) String> targetPublics,
            @Size(max = 50) @Schema(description = "Services the vouchers may pay for; empty or omitted = every service",
                    example = "[\"atelier-collectif\"]")
            List<@NotBlank @Size(max = 100) String> allowedServices,
            @Min(0) @Max(10_000) @Schema(description = "Operator's fee in basis points; 400 (4 %) when omitted",
                    example = "400", defaultValue = "400")
            Integer feeRateBasisPoints) {
    }

    @Schema(name = "OrderBooks")
    public record Order(
            @NotNull @Min(1) @Max(1000) @Schema(description = "Number of books to print", example = "20") Integer books) {
    }

    @Schema(name = "ConfirmFunding")
    public record Funding(
            @NotBlank @Size(max = 100) @Schema(description = "The funder's payment order (mandat de paiement)",
                    example = "MANDAT-2026-00417")
            String paymentOrderReference) {
    }

    @Schema(name = "OrderBooksAsJob")
    public record LargeOrder(
            @NotNull @Min(1) @Max(20_000) @Schema(description = "Number of books to print", example = "10000")
            Integer books) {
    }

    @Schema(name = "RegisterDistributor")
    public record Distributor(
            @NotNull @Schema(description = "The distributor's party id: the subject of its tokens") UUID distributorId,
            @NotBlank @Size(max = 200) @Schema(example = "CCAS de Nîmes") String name,
            @NotNull @OneOf({"ccas", "social-service", "france-services", "job-centre", "association", "other"})
            @Schema(example = "ccas",
                    enumeration = {"ccas", "social-service", "france-services", "job-centre", "association", "other"})
            String kind) {
    }

    @Schema(name = "ConsignBooks")
    public record Consignment(
            @NotNull @Schema(description = "A distributor registered for the programme") UUID distributorId,
            @NotEmpty @Size(max = 1000) @Schema(description = "Books of the programme to move into its stock")
            List<@NotNull UUID> bookIds) {
    }

    @Schema(name = "CancelBook")
    public record Cancellation(
            @NotBlank @Size(max = 300) @Schema(example = "book lost before distribution") String reason) {
    }

    @Schema(name = "ExtendValidity")
    public record Validity(
            @NotNull @Schema(description = "New last day of validity", example = "2027-03-31") LocalDate validUntil,
            @NotNull @Schema(description = "New last day of acceptance; not before validUntil", example = "2027-04-30")
            LocalDate acceptedUntil) {
    }
}
