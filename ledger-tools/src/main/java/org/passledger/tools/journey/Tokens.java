package org.passledger.tools.journey;

/** Signs a bearer token for a party acting in a role; the demo and the system test each bring their keys. */
@FunctionalInterface
public interface Tokens {

    String token(String role, String partyId);
}
