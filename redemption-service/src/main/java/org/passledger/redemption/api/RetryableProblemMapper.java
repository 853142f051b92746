package org.passledger.redemption.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.passledger.kernel.problem.Problem;
import org.passledger.redemption.domain.RetryableProblem;

/** A retryable refusal is a problem document with a {@code Retry-After} header, in seconds. */
public class RetryableProblemMapper {

    @ServerExceptionMapper
    public Response retryable(RetryableProblem e) {
        Response problem = Problem.of(e.status(), e.code(), e.title(), e.getMessage())
                .withExtensions(e.extensions()).toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
