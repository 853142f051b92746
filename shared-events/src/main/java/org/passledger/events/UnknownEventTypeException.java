package org.passledger.events;

/**
 * A type name or class that the {@link EventCatalog} does not know: typically a newer event version than
 * this jar, which a consumer may choose to skip.
 */
public class UnknownEventTypeException extends RuntimeException {

    public UnknownEventTypeException(String message) {
        super(message);
    }
}
