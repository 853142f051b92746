package org.passledger.kernel.problem;

import java.util.Map;

/**
 * A refusal the caller must understand: an HTTP status, a stable machine-readable code and a sentence.
 * Business rules throw subclasses of this; anything else reaching the edge is a bug and answers 500.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, Map.of());
    }

    public ProblemException(int status, String code, String title, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, what + "-not-found", "Not found", "No " + what + " with id " + id + ".");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException rule(String code, String detail) {
        return new ProblemException(409, code, "Refused by a business rule", detail);
    }

    public static ProblemException invalid(String code, String detail) {
        return new ProblemException(400, code, "Invalid request", detail);
    }
}
