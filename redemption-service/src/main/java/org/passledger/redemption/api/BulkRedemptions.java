package org.passledger.redemption.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.redemption.application.RedemptionService;
import org.passledger.redemption.application.RedemptionService.RedeemRequest;

/**
 * A place's upload of redemptions: each line in its own transaction, in order, under its own idempotency key
 * derived from the upload's ({@code <key>#<index>}), so that good lines are never blocked by bad ones and a
 * re-sent upload redeems nothing twice.
 */
@ApplicationScoped
public class BulkRedemptions {

    public static final int MAX_LINES = 500;
    static final String LINE_OPERATION = "POST /redemptions/bulk line";

    private final RedemptionService service;
    private final IdempotentRequests idempotency;
    private final ObjectMapper json;
    private final Validator validator;

    public BulkRedemptions(RedemptionService service, IdempotentRequests idempotency, ObjectMapper json,
                           Validator validator) {
        this.validator = validator;
        this.service = service;
        this.idempotency = idempotency;
        this.json = json;
    }

    Uni<RedemptionResponses.BulkResult> redeem(UUID place, String actor, EventMetadata metadata, String key,
                                               List<RedemptionRequests.Redeem> lines) {
        if (key == null) {
            throw Refusal.invalid("idempotency-key-required",
                    "This operation requires an Idempotency-Key header.");
        }
        if (key.length() > 190) {
            throw Refusal.invalid("idempotency-key-invalid",
                    "The Idempotency-Key of an upload must be 1 to 190 visible ASCII characters.");
        }
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw Refusal.invalid("too-many-lines", "An upload has 1 to " + MAX_LINES + " lines.");
        }
        return Multi.createFrom().range(0, lines.size())
                .onItem().transformToUniAndConcatenate(i -> line(place, actor, metadata, key, i, lines.get(i)))
                .collect().asList()
                .map(results -> new RedemptionResponses.BulkResult(
                        (int) results.stream().filter(r -> r.redemption() != null).count(),
                        (int) results.stream().filter(r -> r.redemption() == null).count(),
                        results));
    }

    private Uni<RedemptionResponses.BulkLine> line(UUID place, String actor, EventMetadata metadata, String key,
                                                   int index, RedemptionRequests.Redeem line) {
        if (line == null) {
            return Uni.createFrom().item(new RedemptionResponses.BulkLine(index, "refused", "validation-failed",
                    "The line is empty.", null));
        }
        var violations = validator.validate(line);
        if (!violations.isEmpty()) {
            String fields = violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; "));
            return Uni.createFrom().item(new RedemptionResponses.BulkLine(index, "refused", "validation-failed",
                    fields, null));
        }
        var request = new RedeemRequest(UUID.randomUUID(), place, line.code(), line.service().strip(),
                line.sessionReference(), line.staffMember());
        EventMetadata lineMetadata = new EventMetadata(metadata.correlationId(), null, metadata.actor());
        return service.guarded(place, () -> idempotency.runRequiringKey(actor, key + "#" + index, LINE_OPERATION,
                        line, session -> service.redeem(session, request, lineMetadata).map(redeemed ->
                                Outcome.created(RedemptionResponses.Redeemed.of(redeemed),
                                        URI.create("/redemptions/" + redeemed.redemptionId())))))
                .map(response -> redeemed(index, response))
                .onFailure().recoverWithItem(failure -> refused(index, failure));
    }

    private RedemptionResponses.BulkLine redeemed(int index, Response response) {
        try {
            var body = json.readValue((String) response.getEntity(), RedemptionResponses.Redeemed.class);
            return new RedemptionResponses.BulkLine(index, "redeemed", "ok", null, body);
        } catch (Exception e) {
            throw new IllegalStateException("a stored redemption answer is always readable", e);
        }
    }

    private static RedemptionResponses.BulkLine refused(int index, Throwable failure) {
        for (Throwable f = failure; f != null; f = f.getCause()) {
            if (f instanceof Refusal problem) {
                return new RedemptionResponses.BulkLine(index, "refused", problem.code(), problem.getMessage(), null);
            }
        }
        return new RedemptionResponses.BulkLine(index, "refused", "internal-error",
                "This line could not be processed; send it again.", null);
    }

    /** CSV with the header line code,service,sessionReference,staffMember; no quoting is needed for codes. */
    static List<RedemptionRequests.Redeem> parseCsv(String csv) {
        if (csv == null || csv.isBlank()) {
            throw Refusal.invalid("malformed-csv", "The CSV upload is empty.");
        }
        List<String> rows = csv.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String header = rows.get(0).replace(" ", "");
        if (!header.equalsIgnoreCase("code,service,sessionReference,staffMember")
                && !header.equalsIgnoreCase("code,service")) {
            throw Refusal.invalid("malformed-csv",
                    "The first line must be code,service,sessionReference,staffMember.");
        }
        List<RedemptionRequests.Redeem> lines = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",", -1);
            if (cells.length < 2 || cells.length > 4) {
                throw Refusal.invalid("malformed-csv", "Data line " + (i - 1) + " has " + cells.length
                        + " cells; 2 to 4 are expected.");
            }
            lines.add(new RedemptionRequests.Redeem(cells[0].strip(), cells[1].strip(),
                    cells.length > 2 && !cells[2].isBlank() ? cells[2].strip() : null,
                    cells.length > 3 && !cells[3].isBlank() ? cells[3].strip() : null));
        }
        return lines;
    }
}
