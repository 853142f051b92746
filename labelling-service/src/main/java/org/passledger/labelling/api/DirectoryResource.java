package org.passledger.labelling.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passledger.labelling.application.StructureService;
import org.passledger.labelling.domain.InvalidFields;
import org.passledger.labelling.projection.DirectoryPlace;
import org.passledger.labelling.projection.DirectoryQueries;
import org.passledger.labelling.projection.DirectorySearch;
import org.passledger.labelling.projection.Page;

/** The public directory of places that accept the Pass Numérique today; no token needed. */
@Path("/directory")
@Tag(name = "Directory", description = "Public directory of labelled places, with open-data field names")
@PermitAll
@APIResponse(responseCode = "400", description = "Invalid filter")
public class DirectoryResource {

    /** CSV exports stop here; the JSON pages have no such limit. */
    public static final int CSV_MAX_ROWS = 50_000;
    public static final String CSV_MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final String UTF8_BOM = "\uFEFF";

    private final DirectoryQueries directory;
    private final StructureService service;

    public DirectoryResource(DirectoryQueries directory, StructureService service) {
        this.directory = directory;
        this.service = service;
    }

    @GET
    @Path("/places")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchDirectory", summary = "Search the places that accept the pass today",
            description = "Filters combine; a radius search needs lat, lon and radiusKm and sorts by distance.")
    @APIResponse(responseCode = "200", description = "A page of places",
            content = @Content(schema = @Schema(implementation = DirectoryPage.class)))
    public Uni<Page<DirectoryPlace>> search(
            @Parameter(example = "30") @QueryParam("departement") String departement,
            @Parameter(example = "30600") @QueryParam("postcode") String postcode,
            @Parameter(example = "Vauvert") @QueryParam("commune") String commune,
            @Parameter(example = "online-procedures") @QueryParam("service") String service,
            @Parameter(example = "43.6955") @QueryParam("lat") Double lat,
            @Parameter(example = "4.2769") @QueryParam("lon") Double lon,
            @Parameter(example = "10") @QueryParam("radiusKm") Double radiusKm,
            @Parameter(example = "1") @QueryParam("page") Integer page,
            @Parameter(example = "50") @QueryParam("size") Integer size) {
        DirectorySearch search = search(departement, postcode, commune, service, lat, lon, radiusKm);
        return directory.search(search, this.service.decider().today(), QueryParams.page(page),
                QueryParams.size(size, 50));
    }

    @GET
    @Path("/places.csv")
    @Produces(CSV_MEDIA_TYPE)
    @Operation(operationId = "exportDirectoryCsv", summary = "Export the places that accept the pass today as CSV",
            description = "UTF-8 with a byte order mark (spreadsheets detect it), a header row, comma separators "
                    + "and RFC 4180 quoting; services are joined with '|'. Same filters as the JSON search.")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = CSV_MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    example = "id,nom,siret,adresse,code_postal,commune,code_departement,latitude,longitude,services,horaires,pass_numerique\r\n"
                            + "3f6c2a9e-1b7d-4e58-9a41-5c0d8e7f2b13,Connect & vous,73282932000074,1 place de la Mairie,30600,Vauvert,30,43.6955,4.2769,online-procedures,Mo 09:00-12:30,true\r\n"))
    public Uni<Response> exportCsv(
            @QueryParam("departement") String departement, @QueryParam("postcode") String postcode,
            @QueryParam("commune") String commune, @QueryParam("service") String service,
            @QueryParam("lat") Double lat, @QueryParam("lon") Double lon, @QueryParam("radiusKm") Double radiusKm) {
        DirectorySearch search = search(departement, postcode, commune, service, lat, lon, radiusKm);
        return directory.all(search, this.service.decider().today(), CSV_MAX_ROWS).map(places ->
                Response.ok(csv(places).getBytes(StandardCharsets.UTF_8), CSV_MEDIA_TYPE)
                        .header("Content-Disposition", "attachment; filename=\"lieux-pass-numerique.csv\"")
                        .build());
    }

    static String csv(List<DirectoryPlace> places) {
        StringWriter out = new StringWriter().append(UTF8_BOM);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(DirectoryPlace.CSV_HEADER.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (DirectoryPlace place : places) {
                printer.printRecord(place.csvRow());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static DirectorySearch search(String departement, String postcode, String commune, String service,
                                          Double lat, Double lon, Double radiusKm) {
        boolean anyPoint = lat != null || lon != null || radiusKm != null;
        if (anyPoint) {
            if (lat == null || lat < -90 || lat > 90) {
                throw InvalidFields.of("validation-failed", "lat", "must be between -90 and 90 in a radius search");
            }
            if (lon == null || lon < -180 || lon > 180) {
                throw InvalidFields.of("validation-failed", "lon", "must be between -180 and 180 in a radius search");
            }
            if (radiusKm == null || radiusKm <= 0 || radiusKm > 500) {
                throw InvalidFields.of("validation-failed", "radiusKm", "must be above 0 and at most 500");
            }
        }
        String postcodeValue = QueryParams.blankToNull(postcode);
        if (postcodeValue != null && !postcodeValue.matches("\\d{5}")) {
            throw InvalidFields.of("validation-failed", "postcode", "must be 5 digits");
        }
        return new DirectorySearch(QueryParams.blankToNull(departement), postcodeValue,
                QueryParams.blankToNull(commune), QueryParams.blankToNull(service), lat, lon, radiusKm);
    }

    /** For the OpenAPI document: a page of places. */
    @Schema(name = "DirectoryPage")
    public record DirectoryPage(int page, int size, long total, List<DirectoryPlace> items) {
    }
}
