package org.passledger.redemption.domain;

import org.passledger.kernel.problem.ProblemException;

/** A refusal worth retrying after a while: answered with a {@code Retry-After} header (seconds). */
public class RetryableProblem extends ProblemException {

    private final int retryAfterSeconds;

    public RetryableProblem(int status, String code, String title, String detail, int retryAfterSeconds) {
        super(status, code, title, detail, java.util.Map.of("retryAfterSeconds", retryAfterSeconds));
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
