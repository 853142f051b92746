package org.passledger.kernel.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.SqlTime;

/**
 * Runs a value-moving command under an {@code Idempotency-Key}. The key is claimed in the command's own
 * transaction: a concurrent request with the same key waits on it, then replays the stored answer. A
 * refused command rolls back, key included, so a corrected retry may use the key again.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final Transactions transactions;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotentRequests(Transactions transactions, ObjectMapper json, Clock clock) {
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** A command whose key may be omitted (then it simply runs once). */
    public Uni<Response> run(String caller, String key, String operation, Object request,
                             Function<Mutiny.Session, Uni<Outcome>> command) {
        if (key == null) {
            return transactions.write(command).map(this::respond);
        }
        return runWithKey(caller, key, operation, request, command);
    }

    /** A command that must carry a key, such as a redemption at the counter. */
    public Uni<Response> runRequiringKey(String caller, String key, String operation, Object request,
                                         Function<Mutiny.Session, Uni<Outcome>> command) {
        if (key == null) {
            throw Refusal.invalid("idempotency-key-required",
                    "This operation requires an Idempotency-Key header.");
        }
        return runWithKey(caller, key, operation, request, command);
    }

    private Uni<Response> runWithKey(String caller, String key, String operation, Object request,
                                     Function<Mutiny.Session, Uni<Outcome>> command) {
        if (!VALID_KEY.matcher(key).matches()) {
            throw Refusal.invalid("idempotency-key-invalid",
                    "The Idempotency-Key must be 1 to 200 visible ASCII characters.");
        }
        String hash = hash(operation, request);
        return transactions.write(session -> claim(session, caller, key, operation, hash).chain(claimed -> claimed
                ? command.apply(session).chain(outcome -> store(session, caller, key, outcome))
                : replay(session, caller, key, operation, hash)));
    }

    private Uni<Boolean> claim(Mutiny.Session session, String caller, String key, String operation, String hash) {
        return session.createNativeQuery("""
                        insert into idempotency_keys (caller, idempotency_key, operation, request_hash, created_at)
                        values (:caller, :key, :operation, :hash, to_timestamp(cast(:micros as bigint) / 1000000.0))
                        on conflict do nothing""")
                .setParameter("caller", caller)
                .setParameter("key", key)
                .setParameter("operation", operation)
                .setParameter("hash", hash)
                .setParameter("micros", SqlTime.toMicros(clock.instant()))
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }

    private Uni<Response> store(Mutiny.Session session, String caller, String key, Outcome outcome) {
        String body = write(outcome.body());
        String location = outcome.location() == null ? null : outcome.location().toString();
        return session.createNativeQuery("""
                        update idempotency_keys set response_status = :status, response_body = :body,
                               response_location = :location
                        where caller = :caller and idempotency_key = :key""")
                .setParameter("status", outcome.status())
                .setParameter("body", body)
                .setParameter("location", location)
                .setParameter("caller", caller)
                .setParameter("key", key)
                .executeUpdate()
                .replaceWith(() -> response(outcome.status(), body, location).build());
    }

    private Uni<Response> replay(Mutiny.Session session, String caller, String key, String operation, String hash) {
        return session.createNativeQuery("""
                        select operation, request_hash, response_status, response_body, response_location
                        from idempotency_keys where caller = :caller and idempotency_key = :key""", Object[].class)
                .setParameter("caller", caller)
                .setParameter("key", key)
                .getSingleResult()
                .map(row -> {
                    if (!operation.equals(row[0]) || !hash.equals(row[1])) {
                        throw new Refusal(Refusal.Kind.UNPROCESSABLE, "idempotency-key-reused", "Idempotency key reused",
                                "This Idempotency-Key was already used for a different request.");
                    }
                    return response(((Number) row[2]).intValue(), (String) row[3], (String) row[4])
                            .header(REPLAYED_HEADER, "true").build();
                });
    }

    private Response respond(Outcome outcome) {
        return response(outcome.status(), write(outcome.body()),
                outcome.location() == null ? null : outcome.location().toString()).build();
    }

    private static Response.ResponseBuilder response(int status, String body, String location) {
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        return location == null ? builder : builder.location(URI.create(location));
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response bodies are always serialisable", e);
        }
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
