package org.passledger.system;

import java.net.http.HttpHeaders;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a call that did not succeed told the partner: the HTTP status (0 when no answer came back at all), the
 * Retry-After it carried (-1 without one), and the problem's stable code.
 */
record PartnerFailure(int status, long retryAfterSeconds, String code) {

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    static PartnerFailure of(Exception e) {
        if (e instanceof org.passledger.clients.labelling.ApiException x) {
            return of(x.getCode(), x.getResponseHeaders(), x.getResponseBody());
        }
        if (e instanceof org.passledger.clients.issuance.ApiException x) {
            return of(x.getCode(), x.getResponseHeaders(), x.getResponseBody());
        }
        if (e instanceof org.passledger.clients.redemption.ApiException x) {
            return of(x.getCode(), x.getResponseHeaders(), x.getResponseBody());
        }
        if (e instanceof org.passledger.clients.settlement.ApiException x) {
            return of(x.getCode(), x.getResponseHeaders(), x.getResponseBody());
        }
        throw new IllegalStateException("not an answer of the API", e);
    }

    private static PartnerFailure of(int status, HttpHeaders headers, String body) {
        long retryAfter = headers == null ? -1 : headers.firstValue("Retry-After").map(Long::parseLong).orElse(-1L);
        String code = "";
        if (body != null) {
            Matcher matcher = CODE.matcher(body);
            code = matcher.find() ? matcher.group(1) : "";
        }
        return new PartnerFailure(status, retryAfter, code);
    }

    /** A partner tries again on no answer, on a server error, and on a refusal that says when to come back. */
    boolean retryable() {
        return status == 0 || status >= 500 || retryAfterSeconds >= 0;
    }

    @Override
    public String toString() {
        return status + (code.isEmpty() ? "" : " " + code);
    }
}
