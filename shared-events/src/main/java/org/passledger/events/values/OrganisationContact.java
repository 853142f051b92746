package org.passledger.events.values;

/**
 * The organisation's own contact points (a shared mailbox, a switchboard, a website), never a private
 * person's. Each may be null.
 */
public record OrganisationContact(String email, String phone, String website) {
}
