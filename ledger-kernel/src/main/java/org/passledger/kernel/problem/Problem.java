package org.passledger.kernel.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.core.instrument.Metrics;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passledger.kernel.metrics.LedgerMetrics;

/** RFC 9457 problem details, with the project's stable {@code code} and, for bad input, one entry per field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://pass-ledger.org/problems/voucher-already-redeemed") URI type,
        @Schema(example = "Refused by a business rule") String title,
        @Schema(example = "409") int status,
        @Schema(example = "This voucher was already redeemed.") String detail,
        URI instance,
        @Schema(description = "Stable machine-readable code", example = "voucher-already-redeemed") String code,
        List<Violation> violations,
        @JsonIgnore @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://pass-ledger.org/problems/";

    /** One invalid field: where it is in the request and what is wrong with it. */
    public record Violation(@Schema(example = "budgetCents") String field,
                            @Schema(example = "must be greater than 0") String message) {
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + code), title, status, detail, null, code, null, null);
    }

    public Problem withViolations(List<Violation> list) {
        return new Problem(type, title, status, detail, instance, code, list, extensions);
    }

    public Problem withExtensions(Map<String, Object> more) {
        return new Problem(type, title, status, detail, instance, code, violations, more.isEmpty() ? null : more);
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Serialised here, not by the framework, so the body is the same whatever the request accepted. Every problem
     * answered is counted in {@code ledger.problems{code, status}} (a domain refusal under its own code).
     */
    public Response toResponse() {
        Metrics.counter(LedgerMetrics.PROBLEMS, "code", String.valueOf(code), "status", Integer.toString(status)).increment();
        try {
            return Response.status(status).type(MEDIA_TYPE).entity(JSON.writeValueAsString(this)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document is always serialisable", e);
        }
    }
}
