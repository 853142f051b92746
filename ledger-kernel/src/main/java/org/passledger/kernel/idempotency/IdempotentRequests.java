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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
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
        return runWithKey(caller, key, operation, request, command);
    }

    private Uni<Response> runWithKey(String caller, String key, String operation, Object request,
                                     Function<Mutiny.Session, Uni<Outcome>> command) {
        Claim claim = claimFor(caller, key, operation, request);
        return transactions.write(session -> claim(session, caller, key, operation, claim.hash())
                .chain(claimed -> claimed
                        ? command.apply(session).chain(outcome -> store(session, caller, key, outcome))
                        : replay(session, caller, key, operation, claim.hash())));
    }

    /** A keyed request checked and fingerprinted, to be claimed together with others (group commit). */
    public record Claim(String caller, String key, String operation, String hash) {
    }

    /** Checks the key as {@link #runRequiringKey} does and fingerprints the request, without touching the store. */
    public Claim claimFor(String caller, String key, String operation, Object request) {
        if (key == null) {
            throw Refusal.invalid("idempotency-key-required",
                    "This operation requires an Idempotency-Key header.");
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw Refusal.invalid("idempotency-key-invalid",
                    "The Idempotency-Key must be 1 to 200 visible ASCII characters.");
        }
        return new Claim(caller, key, operation, hash(operation, request));
    }

    /**
     * Claims many keys in one statement, in the caller's transaction, and answers which ones this transaction
     * now holds (in the order given). A key not held was answered before, or is being answered by a concurrent
     * request: its request goes through {@link #runRequiringKey}, which replays the stored answer. The claims
     * must be distinct.
     */
    public Uni<boolean[]> claimAll(Mutiny.Session session, List<Claim> claims) {
        return session.createNativeQuery("""
                        with claimed as (
                            insert into idempotency_keys (caller, idempotency_key, operation, request_hash, created_at)
                            select u.caller, u.idempotency_key, u.operation, u.request_hash,
                                   to_timestamp(cast(:micros as bigint) / 1000000.0)
                            from unnest(cast(:callers as text[]), cast(:keys as text[]), cast(:operations as text[]),
                                        cast(:hashes as text[])) as u(caller, idempotency_key, operation, request_hash)
                            on conflict do nothing
                            returning caller, idempotency_key)
                        select caller, idempotency_key from claimed""", Object[].class)
                .setParameter("micros", SqlTime.toMicros(clock.instant()))
                .setParameter("callers", claims.stream().map(Claim::caller).toArray(String[]::new))
                .setParameter("keys", claims.stream().map(Claim::key).toArray(String[]::new))
                .setParameter("operations", claims.stream().map(Claim::operation).toArray(String[]::new))
                .setParameter("hashes", claims.stream().map(Claim::hash).toArray(String[]::new))
                .getResultList()
                .map(rows -> {
                    Set<List<Object>> held = new HashSet<>();
                    rows.forEach(row -> held.add(List.of(row[0], row[1])));
                    boolean[] claimed = new boolean[claims.size()];
                    for (int i = 0; i < claimed.length; i++) {
                        claimed[i] = held.contains(List.of(claims.get(i).caller(), claims.get(i).key()));
                    }
                    return claimed;
                });
    }

    /** Gives back keys whose commands were refused, so a corrected retry may use them (as a rollback would). */
    public Uni<Void> releaseAll(Mutiny.Session session, List<Claim> claims) {
        if (claims.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("""
                        delete from idempotency_keys k
                        using unnest(cast(:callers as text[]), cast(:keys as text[])) as u(caller, idempotency_key)
                        where k.caller = u.caller and k.idempotency_key = u.idempotency_key""")
                .setParameter("callers", claims.stream().map(Claim::caller).toArray(String[]::new))
                .setParameter("keys", claims.stream().map(Claim::key).toArray(String[]::new))
                .executeUpdate()
                .replaceWithVoid();
    }

    /** An answer as stored under its key; made a {@link Response} on the thread of the request it answers. */
    public record StoredAnswer(int status, String body, String location) {

        public Response toResponse() {
            return response(status, body, location).build();
        }
    }

    /** Stores the answers of many claimed keys in one statement and answers them, in order. */
    public Uni<List<StoredAnswer>> storeAll(Mutiny.Session session, List<Claim> claims, List<Outcome> outcomes) {
        if (claims.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] bodies = outcomes.stream().map(outcome -> write(outcome.body())).toArray(String[]::new);
        String[] locations = outcomes.stream()
                .map(outcome -> outcome.location() == null ? null : outcome.location().toString())
                .toArray(String[]::new);
        return session.createNativeQuery("""
                        update idempotency_keys k set response_status = u.status, response_body = u.body,
                               response_location = u.location
                        from unnest(cast(:callers as text[]), cast(:keys as text[]), cast(:statuses as int[]),
                                    cast(:bodies as text[]), cast(:locations as text[]))
                             as u(caller, idempotency_key, status, body, location)
                        where k.caller = u.caller and k.idempotency_key = u.idempotency_key""")
                .setParameter("callers", claims.stream().map(Claim::caller).toArray(String[]::new))
                .setParameter("keys", claims.stream().map(Claim::key).toArray(String[]::new))
                .setParameter("statuses", outcomes.stream().map(Outcome::status).toArray(Integer[]::new))
                .setParameter("bodies", bodies)
                .setParameter("locations", locations)
                .executeUpdate()
                .map(updated -> {
                    List<StoredAnswer> answers = new ArrayList<>();
                    for (int i = 0; i < outcomes.size(); i++) {
                        answers.add(new StoredAnswer(outcomes.get(i).status(), bodies[i], locations[i]));
                    }
                    return answers;
                });
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
