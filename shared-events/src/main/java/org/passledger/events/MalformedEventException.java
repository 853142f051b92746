package org.passledger.events;

/** An event that cannot be decoded: bad JSON, a missing or invalid field, or inconsistent Kafka headers. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
