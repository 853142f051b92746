package org.passledger.events;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The single registry of published events: type name, record class and topic. Built from the records that
 * the sealed stream interfaces permit, each named by its {@link EventType}, so adding a record to a
 * {@code permits} clause is all it takes to catalogue it.
 */
public final class EventCatalog {

    /** Where the JSON Schemas are published; also each schema file's {@code $id} prefix. */
    public static final String SCHEMA_BASE_URI = "https://pass-ledger.org/schemas/";

    /**
     * The class-path location of the AsyncAPI 3.0 document of every topic: its channels, one message per type,
     * who sends and who receives (with consumer groups) and the dead-letter topics. Every service serves it.
     */
    public static final String ASYNCAPI_RESOURCE = "asyncapi/pass-ledger.yaml";

    // "<aggregate>.<what-happened>.v<n>", as in voucher.redemption-reversed.v1
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");

    private static final Map<Class<? extends LedgerEvent>, String> TOPIC_BY_STREAM = streams();
    private static final Map<String, Entry> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, Entry> BY_CLASS = new HashMap<>();
    private static final Map<String, List<String>> TYPES_BY_TOPIC = new LinkedHashMap<>();
    private static final Set<String> TYPES;

    static {
        TOPIC_BY_STREAM.forEach(EventCatalog::register);
        TOPIC_BY_STREAM.values().forEach(topic ->
                TYPES_BY_TOPIC.put(topic, BY_TYPE.values().stream()
                        .filter(entry -> entry.topic().equals(topic))
                        .map(Entry::type)
                        .toList()));
        TYPES = Collections.unmodifiableSet(new LinkedHashSet<>(BY_TYPE.keySet()));
    }

    private record Entry(String type, Class<? extends LedgerEvent> eventClass, String topic) {
    }

    private EventCatalog() {
    }

    public static String typeOf(LedgerEvent event) {
        Objects.requireNonNull(event, "event");
        return entryOf(event.getClass()).type();
    }

    public static String typeOf(Class<? extends LedgerEvent> eventClass) {
        return entryOf(eventClass).type();
    }

    /** @throws UnknownEventTypeException when no catalogued record has this type name */
    public static Class<? extends LedgerEvent> classOf(String type) {
        Entry entry = BY_TYPE.get(type);
        if (entry == null) {
            throw new UnknownEventTypeException("Unknown event type '" + type + "'");
        }
        return entry.eventClass();
    }

    /** True when this jar can decode the type; a consumer may skip types it does not know yet. */
    public static boolean isKnown(String type) {
        return BY_TYPE.containsKey(type);
    }

    /** The topic of an event record, or of a whole stream when given its interface (e.g. VoucherEvent.class). */
    public static String topicOf(Class<? extends LedgerEvent> eventClass) {
        String streamTopic = TOPIC_BY_STREAM.get(eventClass);
        return streamTopic != null ? streamTopic : entryOf(eventClass).topic();
    }

    public static String topicOf(LedgerEvent event) {
        Objects.requireNonNull(event, "event");
        return entryOf(event.getClass()).topic();
    }

    /** Every catalogued type name, grouped by topic in {@link Topics#all()} order. */
    public static Set<String> types() {
        return TYPES;
    }

    /** @throws IllegalArgumentException for a name that is not one of {@link Topics#all()} */
    public static List<String> typesOn(String topic) {
        List<String> types = TYPES_BY_TOPIC.get(topic);
        if (types == null) {
            throw new IllegalArgumentException("Unknown topic '" + topic + "'; topics are " + Topics.all());
        }
        return types;
    }

    /** The CloudEvents {@code dataschema} of a type: the {@code $id} of its JSON Schema. */
    public static String dataSchemaOf(String type) {
        classOf(type);
        return SCHEMA_BASE_URI + type + ".json";
    }

    /** The class-path location of a type's JSON Schema inside this jar. */
    public static String schemaResourceOf(String type) {
        classOf(type);
        return "schemas/" + type + ".json";
    }

    private static Map<Class<? extends LedgerEvent>, String> streams() {
        Map<Class<? extends LedgerEvent>, String> streams = new LinkedHashMap<>();
        streams.put(StructureEvent.class, Topics.STRUCTURES);
        streams.put(ProgrammeEvent.class, Topics.PROGRAMMES);
        streams.put(VoucherEvent.class, Topics.VOUCHERS);
        streams.put(RedemptionEvent.class, Topics.REDEMPTIONS);
        streams.put(SettlementEvent.class, Topics.SETTLEMENTS);
        return Collections.unmodifiableMap(streams);
    }

    // A mistake here is a bug in this jar, so it fails class initialisation rather than waiting for a message.
    private static void register(Class<? extends LedgerEvent> stream, String topic) {
        for (Class<?> permitted : stream.getPermittedSubclasses()) {
            EventType annotation = permitted.getAnnotation(EventType.class);
            if (!permitted.isRecord() || annotation == null) {
                throw new IllegalStateException(permitted.getName() + " must be a record annotated with @EventType");
            }
            String type = annotation.value();
            if (!TYPE_NAME.matcher(type).matches()) {
                throw new IllegalStateException("Type name '" + type + "' of " + permitted.getName()
                        + " does not match " + TYPE_NAME.pattern());
            }
            Entry entry = new Entry(type, permitted.asSubclass(LedgerEvent.class), topic);
            if (BY_TYPE.putIfAbsent(type, entry) != null) {
                throw new IllegalStateException("Type name '" + type + "' is used twice");
            }
            BY_CLASS.put(permitted, entry);
        }
    }

    private static Entry entryOf(Class<?> eventClass) {
        Objects.requireNonNull(eventClass, "eventClass");
        Entry entry = BY_CLASS.get(eventClass);
        if (entry == null) {
            throw new UnknownEventTypeException(eventClass.getName() + " is not a catalogued event record");
        }
        return entry;
    }
}
