package org.passledger.events;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode: the attributes travel
 * as {@code ce_} headers, the record value is the event's JSON and the record key is its subject.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** The binding maps {@code datacontenttype} to the plain Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";
    public static final String DATA_SCHEMA = "ce_dataschema";

    // Extension attributes: CloudEvents allows only lowercase letters and digits in their names.
    /** The event's version in its event-store stream, from 1. */
    public static final String STREAM_VERSION = "ce_streamversion";
    /**
     * The event's link in its stream's hash chain (hex SHA-256), written by the event store and added by the relay;
     * not part of the envelope, so a record without it still decodes.
     */
    public static final String CHAIN_HASH = "ce_chainhash";
    public static final String CORRELATION_ID = "ce_correlationid";
    /** Absent when nothing caused the event but a request (the first event of a correlation). */
    public static final String CAUSATION_ID = "ce_causationid";
    /** Who acted: a user id or a named system job. */
    public static final String ACTOR = "ce_actor";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    private CloudEvents() {
    }
}
