package org.passledger.labelling.domain;

import java.util.List;
import java.util.Map;
import org.passledger.kernel.domain.Refusal;

/** A 400 refusal that names the offending request field, in the same shape as Bean Validation's. */
public final class InvalidFields {

    private InvalidFields() {
    }

    public static Refusal of(String code, String field, String message) {
        return new Refusal(Refusal.Kind.INVALID, code, Refusal.TITLE_INVALID, field + ": " + message,
                Map.of("violations", List.of(Map.of("field", field, "message", message))));
    }
}
