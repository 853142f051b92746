package org.passledger.labelling.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.passledger.events.EventJson;

/** The event payload mapper, for the read models' jsonb columns. */
public final class Json {

    private Json() {
    }

    public static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("domain values are always serialisable", e);
        }
    }
}
