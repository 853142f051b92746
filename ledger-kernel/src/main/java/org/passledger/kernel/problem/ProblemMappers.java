package org.passledger.kernel.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.passledger.kernel.domain.Refusal;

/** Turns every failure into RFC 9457 problem+json; never a stack trace or a Java type name. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** A domain refusal: its kind decides the status, here and nowhere else; a retryable one says when to retry. */
    @ServerExceptionMapper
    public Response refusal(Refusal e) {
        Response problem = Problem.of(statusOf(e.kind()), e.code(), e.title(), e.getMessage())
                .withExtensions(e.extensions()).toResponse();
        if (e.retryAfterSeconds().isEmpty()) {
            return problem;
        }
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds().get()).build();
    }

    /** The one place where a refusal's kind becomes an HTTP status. */
    public static int statusOf(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT_WITH_STATE -> 409;
            case UNPROCESSABLE -> 422;
            case TOO_MANY_ATTEMPTS -> 429;
        };
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return Problem.of(400, "validation-failed", "Invalid request",
                        "The request has " + violations.size() + " invalid field(s).")
                .withViolations(violations).toResponse();
    }

    /** Declared on its own: the framework ships a mapper of this type whose body is not a problem document. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return Problem.of(400, "validation-failed", "Invalid request", "A field has a value of the wrong type.")
                    .withViolations(List.of(new Problem.Violation(field, "has a value of the wrong type or format")))
                    .toResponse();
        }
        return Problem.of(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON.").toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        Response problem = Problem.of(401, "unauthenticated", "Unauthenticated",
                "A valid bearer token is required.").toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "forbidden", "Forbidden", "Your role may not perform this operation.").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadableBody) {
            return unreadable(unreadableBody);
        }
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return unauthenticated(e);
        }
        return Problem.of(status, codeOf(status), titleOf(status), detailOf(status)).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (e.getCause() instanceof Refusal refusal) {
            return refusal(refusal);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return Problem.of(500, "internal-error", "Internal error",
                        "The request could not be completed. Quote incident " + incident + " to the operator.")
                .withExtensions(Map.of("incident", incident)).toResponse();
    }

    /** "register.request.budgetCents" names the method and parameter first: the client knows only the field. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .map(node -> node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName())
                .toList();
        List<String> fields = nodes.size() > 2 ? nodes.subList(2, nodes.size()) : nodes.subList(nodes.size() - 1, nodes.size());
        return String.join(".", fields);
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    private static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 404 -> "Nothing is at this address.";
            case 405 -> "This address does not accept that method.";
            case 415 -> "Send the body as application/json.";
            default -> titleOf(status) + ".";
        };
    }
}
