package org.passledger.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The hash chain of a stream, recomputed from its events as anyone holding them can (an auditor with the topic's
 * records or an export): {@code sha256(previous || utf8(streamId|version|eventId|type|payload))}, from an empty
 * previous before version 1. It is the same computation the event store's trigger makes when an event is
 * appended (ledger-kernel's V2__event_chain.sql), so a recomputed chain that differs from the stored or
 * published hashes shows an event altered, removed or inserted after the fact.
 */
public final class EventChain {

    /** One event as published: its stream, version, id, type, payload text and the chain hash it carries. */
    public record Link(String streamId, long version, UUID eventId, String type, String payload, String chainHash) {
    }

    private EventChain() {
    }

    /** The chain hash of an event, given the hash of the one before it (null before version 1), in hex. */
    public static String hash(String previous, String streamId, long version, UUID eventId, String type,
                              String payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (previous != null) {
                sha.update(HexFormat.of().parseHex(previous));
            }
            sha.update((streamId + "|" + version + "|" + eventId + "|" + type + "|" + payload)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Walks a stream's events in version order and answers the first that does not hold: a version missing or
     * out of order, or a hash that is not the one recomputed from the events before it; empty when the whole
     * stream holds.
     */
    public static Optional<String> firstBreak(List<Link> stream) {
        String previous = null;
        long expected = 1;
        for (Link link : stream) {
            if (link.version() != expected) {
                return Optional.of(link.streamId() + ": version " + link.version() + " where " + expected
                        + " was expected");
            }
            String recomputed = hash(previous, link.streamId(), link.version(), link.eventId(), link.type(),
                    link.payload());
            if (!recomputed.equals(link.chainHash())) {
                return Optional.of(link.streamId() + ": event " + link.eventId() + " (version " + link.version()
                        + ") does not match its chain hash");
            }
            previous = recomputed;
            expected++;
        }
        return Optional.empty();
    }
}
