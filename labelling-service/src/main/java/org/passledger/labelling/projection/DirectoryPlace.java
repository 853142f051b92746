package org.passledger.labelling.projection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A place of the public directory, with the open-data field names (CSV header and JSON alike). */
@Schema(name = "DirectoryPlace", description = "A place that accepts the Pass Numérique today")
public record DirectoryPlace(
        @JsonProperty("id") @Schema(example = "3f6c2a9e-1b7d-4e58-9a41-5c0d8e7f2b13") UUID id,
        @JsonProperty("nom") @Schema(example = "Connect & vous") String name,
        @JsonProperty("siret") @Schema(example = "73282932000074") String siret,
        @JsonProperty("adresse") @Schema(example = "1 place de la Mairie") String street,
        @JsonProperty("code_postal") @Schema(example = "30600") String postcode,
        @JsonProperty("commune") @Schema(example = "Vauvert") String commune,
        @JsonProperty("code_departement") @Schema(example = "30") String departement,
        @JsonProperty("latitude") @Schema(example = "43.6955") Double latitude,
        @JsonProperty("longitude") @Schema(example = "4.2769") Double longitude,
        @JsonProperty("services") @Schema(example = "[\"online-procedures\"]") List<String> services,
        @JsonProperty("horaires") @Schema(description = "OpenStreetMap opening_hours syntax",
                example = "Mo 09:00-12:30; We 14:00-18:00") String openingHours,
        @JsonProperty("pass_numerique") @Schema(description = "Accepts the Pass Numérique today", example = "true")
        boolean acceptsPass,
        @JsonProperty("distance_km") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in a search around a point", example = "3.2") Double distanceKm) {

    public static final List<String> CSV_HEADER = List.of("id", "nom", "siret", "adresse", "code_postal", "commune",
            "code_departement", "latitude", "longitude", "services", "horaires", "pass_numerique");

    /** One CSV row in {@link #CSV_HEADER} order; services joined with '|'. */
    public List<Object> csvRow() {
        return java.util.Arrays.asList(id, name, siret, street, postcode, commune, departement,
                latitude, longitude, String.join("|", services), openingHours, acceptsPass);
    }
}
