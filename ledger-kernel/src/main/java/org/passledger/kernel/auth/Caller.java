package org.passledger.kernel.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.passledger.kernel.domain.Refusal;

/**
 * The authenticated party behind the current request: one role and the party's own id (the token's
 * subject). Object-level checks go through here so that no party reads or moves another party's data.
 */
@RequestScoped
public class Caller {

    private static final List<String> ROLES =
            List.of(Roles.AGENCY, Roles.OPERATOR, Roles.FUNDER, Roles.DISTRIBUTOR, Roles.STRUCTURE);

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String role() {
        return ROLES.stream().filter(identity::hasRole).findFirst()
                .orElseThrow(() -> Refusal.forbidden("The token carries no known role."));
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The caller's own party id, from the token subject. */
    public String id() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw Refusal.forbidden("The token names no subject.");
        }
        return subject;
    }

    /** The caller's party id as a UUID: funders, distributors and structures are identified that way. */
    public UUID partyId() {
        try {
            return UUID.fromString(id());
        } catch (IllegalArgumentException e) {
            throw Refusal.forbidden("The token subject is not a party id.");
        }
    }

    /** Names the caller in event metadata, e.g. "structure:5f0c...". */
    public String actor() {
        return role() + ":" + id();
    }

    /** Refuses unless the caller has the given role and is that very party. */
    public void requireParty(String role, UUID partyId) {
        if (!is(role) || !partyId.toString().equals(id())) {
            throw Refusal.forbidden("This belongs to another party.");
        }
    }
}
