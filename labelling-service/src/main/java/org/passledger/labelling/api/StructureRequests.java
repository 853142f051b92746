package org.passledger.labelling.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passledger.events.values.Address;
import org.passledger.events.values.GeoPoint;
import org.passledger.labelling.domain.StructureProfile;

/** Request bodies of the structure API. */
public final class StructureRequests {

    private StructureRequests() {
    }

    @Schema(name = "RegisterStructure")
    public record Register(
            @NotBlank @Size(max = 200) @Schema(example = "Connect & vous") String name,
            @NotBlank @Pattern(regexp = "\\d{14}", message = "must be 14 digits") @Schema(example = "73282932000074") String siret,
            @NotBlank @Size(max = 100) @Schema(example = "association loi 1901") String legalForm,
            @NotNull @Valid AddressBody address,
            @Valid LocationBody location,
            @Size(max = 50) List<@NotNull @Valid OpeningHoursBody> openingHours,
            @Valid ContactBody contact,
            @Size(max = 50) List<@NotNull @Valid SiteBody> sites,
            @Size(max = 50) List<@NotNull @Valid CatalogueServiceBody> catalogue) {

        StructureProfile profile() {
            return Profile.of(openingHours, contact, sites, catalogue);
        }
    }

    @Schema(name = "StructureDetails", description = "The place's identity details; replaces them all. The SIRET is not editable")
    public record Details(
            @NotBlank @Size(max = 200) @Schema(example = "Connect & vous") String name,
            @NotBlank @Size(max = 100) @Schema(example = "association loi 1901") String legalForm,
            @NotNull @Valid AddressBody address,
            @Valid LocationBody location) {
    }

    @Schema(name = "StructureProfile", description = "Everything a place may edit after registering; replaces the whole profile")
    public record Profile(
            @Size(max = 50) List<@NotNull @Valid OpeningHoursBody> openingHours,
            @Valid ContactBody contact,
            @Size(max = 50) List<@NotNull @Valid SiteBody> sites,
            @NotNull @Size(max = 50) List<@NotNull @Valid CatalogueServiceBody> catalogue) {

        StructureProfile profile() {
            return of(openingHours, contact, sites, catalogue);
        }

        static StructureProfile of(List<OpeningHoursBody> openingHours, ContactBody contact, List<SiteBody> sites,
                                   List<CatalogueServiceBody> catalogue) {
            return new StructureProfile(
                    openingHours == null ? List.of() : openingHours.stream()
                            .map(h -> new StructureProfile.OpeningHours(h.day(), h.opens(), h.closes())).toList(),
                    contact == null ? null
                            : new StructureProfile.OrganisationContact(contact.email(), contact.phone(), contact.website()),
                    sites == null ? List.of() : sites.stream()
                            .map(s -> new StructureProfile.Site(s.name(), s.address().toAddress(),
                                    s.location() == null ? null : s.location().toGeoPoint())).toList(),
                    catalogue == null ? List.of() : catalogue.stream()
                            .map(c -> new StructureProfile.CatalogueService(c.code(), c.label(), c.durationMinutes()))
                            .toList());
        }
    }

    @Schema(name = "Address")
    public record AddressBody(
            @NotBlank @Size(max = 200) @Schema(example = "12 rue de la République") String street,
            @NotBlank @Pattern(regexp = "\\d{5}", message = "must be 5 digits") @Schema(example = "30600") String postcode,
            @NotBlank @Size(max = 100) @Schema(example = "Vauvert") String commune,
            @NotBlank @Pattern(regexp = "\\d{2}|2A|2B|97\\d", message = "must be a département code") @Schema(example = "30") String departement) {

        Address toAddress() {
            return new Address(street, postcode, commune, departement);
        }
    }

    @Schema(name = "Location")
    public record LocationBody(
            @DecimalMin("-90") @DecimalMax("90") @Schema(example = "43.6955") double latitude,
            @DecimalMin("-180") @DecimalMax("180") @Schema(example = "4.2769") double longitude) {

        GeoPoint toGeoPoint() {
            return new GeoPoint(latitude, longitude);
        }
    }

    @Schema(name = "OpeningHours", description = "One opening slot on one day")
    public record OpeningHoursBody(
            @NotNull @Schema(example = "MONDAY") DayOfWeek day,
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "09:00") LocalTime opens,
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "12:30") LocalTime closes) {
    }

    @Schema(name = "OrganisationContact", description = "The organisation's own contact points; no private person's data")
    public record ContactBody(
            @Email @Size(max = 200) @Schema(example = "contact@connect-et-vous.fr") String email,
            @Pattern(regexp = "\\+?[0-9 .]{6,20}", message = "must be a phone number") @Schema(example = "04 66 00 00 00") String phone,
            @Pattern(regexp = "https?://\\S+", message = "must be an http(s) address") @Size(max = 300) @Schema(example = "https://connect-et-vous.fr") String website) {
    }

    @Schema(name = "Site", description = "Another address where the place runs workshops")
    public record SiteBody(
            @NotBlank @Size(max = 200) @Schema(example = "Antenne du Cailar") String name,
            @NotNull @Valid AddressBody address,
            @Valid LocationBody location) {
    }

    @Schema(name = "CatalogueService", description = "A service the place offers, with its duration")
    public record CatalogueServiceBody(
            @NotBlank @Pattern(regexp = "[a-z0-9-]{2,60}", message = "must be a lowercase code") @Schema(example = "online-procedures") String code,
            @NotBlank @Size(max = 200) @Schema(example = "Démarches administratives en ligne") String label,
            @Min(1) @Max(600) @Schema(example = "90") int durationMinutes) {
    }

    @Schema(name = "LabelApplication")
    public record Apply(
            @Size(max = 50) @Schema(description = "Services the application covers; the place's catalogue when omitted",
                    example = "[\"first-steps-computer\", \"online-procedures\"]")
            List<@NotBlank String> services,
            @Size(max = 50) @Schema(description = "Answers to the qualification questionnaire, by question code",
                    example = "{\"public-accueilli\": \"tout public\", \"mediateurs\": \"2\"}")
            Map<@NotBlank @Size(max = 60) String, @NotNull @Size(max = 2000) String> answers,
            @NotNull @Schema(description = "Acceptance of the national charter: required, and must be true",
                    example = "true", required = true)
            Boolean charterAccepted) {
    }

    @Schema(name = "LabelGrant")
    public record Grant(
            @NotBlank @Size(max = 50) @Schema(example = "ANCT-2026-030-0001") String conventionReference,
            @NotNull @Schema(example = "2026-12-01") LocalDate validFrom) {
    }

    @Schema(name = "LabelRenewal")
    public record Renew(
            @NotBlank @Size(max = 50) @Schema(example = "ANCT-2029-030-0001") String conventionReference) {
    }

    @Schema(name = "LabelDecisionReason")
    public record Reason(
            @NotBlank @Size(max = 1000) @Schema(example = "Contrôle qualité : ateliers facturés mais non tenus") String reason) {
    }

    @Schema(name = "LabelReinstatement")
    public record Reinstate(
            @Size(max = 1000) @Schema(example = "Contrôle levé après visite du 12 mars") String note) {
    }
}
