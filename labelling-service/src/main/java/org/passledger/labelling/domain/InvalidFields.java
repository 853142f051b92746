package org.passledger.labelling.domain;

import java.util.List;
import java.util.Map;
import org.passledger.kernel.problem.ProblemException;

/** A 400 refusal that names the offending request field, in the same shape as Bean Validation's. */
public final class InvalidFields {

    private InvalidFields() {
    }

    public static ProblemException of(String code, String field, String message) {
        return new ProblemException(400, code, "Invalid request", field + ": " + message,
                Map.of("violations", List.of(Map.of("field", field, "message", message))));
    }
}
