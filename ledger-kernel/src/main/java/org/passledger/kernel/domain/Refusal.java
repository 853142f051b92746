package org.passledger.kernel.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request the domain refuses: a {@link Kind}, a stable machine-readable code, a short title and a sentence for
 * the caller, and optionally extra members (the figures behind the refusal) and a delay after which the same request
 * may succeed. Plain Java on purpose: deciders and value objects throw it without knowing of HTTP; the API edge
 * (the kernel's problem mappers) turns each kind into a status, once. Anything else reaching the edge is a bug.
 */
public class Refusal extends RuntimeException {

    /** What sort of refusal it is; the edge answers each with one HTTP status. */
    public enum Kind {
        /** The request itself is malformed or breaks a rule on its own values. */
        INVALID,
        /** The caller may not do this, or not to this party's data. */
        FORBIDDEN,
        /** What the request names does not exist. */
        NOT_FOUND,
        /** The request is refused because of the current state of what it names. */
        CONFLICT_WITH_STATE,
        /** The request contradicts an earlier one it claims to repeat. */
        UNPROCESSABLE,
        /** The caller tried too often; wait before trying again. */
        TOO_MANY_ATTEMPTS
    }

    public static final String TITLE_INVALID = "Invalid request";
    public static final String TITLE_FORBIDDEN = "Forbidden";
    public static final String TITLE_NOT_FOUND = "Not found";
    public static final String TITLE_RULE = "Refused by a business rule";

    /** The extra member that carries a retryable refusal's delay in the body as well. */
    public static final String RETRY_AFTER_MEMBER = "retryAfterSeconds";

    private final Kind kind;
    private final String code;
    private final String title;
    private final Map<String, Object> extensions;
    private final Integer retryAfterSeconds;

    public Refusal(Kind kind, String code, String title, String detail) {
        this(kind, code, title, detail, Map.of());
    }

    public Refusal(Kind kind, String code, String title, String detail, Map<String, Object> extensions) {
        this(kind, code, title, detail, extensions, null);
    }

    private Refusal(Kind kind, String code, String title, String detail, Map<String, Object> extensions,
                    Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static Refusal notFound(String what, Object id) {
        return new Refusal(Kind.NOT_FOUND, what + "-not-found", TITLE_NOT_FOUND, "No " + what + " with id " + id + ".");
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(Kind.FORBIDDEN, "forbidden", TITLE_FORBIDDEN, detail);
    }

    /** Refused by a business rule, given the current state. */
    public static Refusal rule(String code, String detail) {
        return new Refusal(Kind.CONFLICT_WITH_STATE, code, TITLE_RULE, detail);
    }

    public static Refusal invalid(String code, String detail) {
        return new Refusal(Kind.INVALID, code, TITLE_INVALID, detail);
    }

    /**
     * The same refusal, worth sending again after {@code seconds} (at least one): the body says so in
     * {@value #RETRY_AFTER_MEMBER}, the edge in a {@code Retry-After} header.
     */
    public Refusal retryableAfter(int seconds) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(RETRY_AFTER_MEMBER, seconds);
        return new Refusal(kind, code, title, getMessage(), more, Math.max(1, seconds));
    }

    /** The same refusal with another sentence for the caller. */
    public Refusal withDetail(String detail) {
        return new Refusal(kind, code, title, detail, extensions, retryAfterSeconds);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Seconds after which the same request may succeed; empty for a refusal that stands. */
    public Optional<Integer> retryAfterSeconds() {
        return Optional.ofNullable(retryAfterSeconds);
    }

    public boolean isRetryable() {
        return retryAfterSeconds != null;
    }

    /** The refusal behind a failure, looking through wrapping exceptions; null when there is none. */
    public static Refusal in(Throwable failure) {
        for (Throwable f = failure; f != null; f = f.getCause()) {
            if (f instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
