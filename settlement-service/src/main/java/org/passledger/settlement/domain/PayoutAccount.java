package org.passledger.settlement.domain;

import java.time.Instant;
import java.util.UUID;
import org.passledger.kernel.domain.Refusal;

/**
 * The bank account a place is paid on. A registered account is pending until the operator has checked it with
 * the bank; only a verified account is paid. An account never changes its IBAN: a new IBAN is a new account,
 * pending again, and the one it replaces is closed.
 */
public record PayoutAccount(UUID accountId, UUID structureId, Iban iban, String bic, String holderName,
                            Status status, Instant registeredAt) {

    public enum Status { PENDING, VERIFIED, REFUSED, CLOSED }

    /** What registering details does to the place's current account (null when it has none). */
    public record Registration(PayoutAccount current, PayoutAccount registered, boolean unchanged) {
    }

    public static Registration register(PayoutAccount current, UUID newAccountId, UUID structureId, Iban iban,
                                        String bic, String holderName, Instant now) {
        if (current != null && current.isOpen() && current.iban.equals(iban) && current.bic.equals(bic)
                && current.holderName.equals(holderName)) {
            return new Registration(current, current, true);
        }
        PayoutAccount replaced = current != null && current.isOpen() ? current.with(Status.CLOSED) : current;
        return new Registration(replaced,
                new PayoutAccount(newAccountId, structureId, iban, bic, holderName, Status.PENDING, now), false);
    }

    /** Pending or verified: the account the place currently stands by. */
    public boolean isOpen() {
        return status == Status.PENDING || status == Status.VERIFIED;
    }

    public PayoutAccount verify() {
        if (status != Status.PENDING) {
            throw Refusal.rule("account-not-pending",
                    "Only a pending account can be verified; account " + accountId + " is " + status + ".");
        }
        return with(Status.VERIFIED);
    }

    /** The bank check failed, or a transfer to the account was rejected. */
    public PayoutAccount refuse() {
        if (!isOpen()) {
            throw Refusal.rule("account-not-open",
                    "Account " + accountId + " is " + status + " already: it cannot be refused.");
        }
        return with(Status.REFUSED);
    }

    public PayoutAccount close() {
        if (status == Status.CLOSED) {
            throw Refusal.rule("account-closed", "Account " + accountId + " is closed already.");
        }
        return with(Status.CLOSED);
    }

    public PayoutAccount requireVerified() {
        if (status != Status.VERIFIED) {
            throw noVerifiedAccount(structureId);
        }
        return this;
    }

    public static Refusal noVerifiedAccount(UUID structureId) {
        return Refusal.rule("no-verified-account", "Place " + structureId
                + " has no verified payout account: it cannot be paid until the operator verifies one.");
    }

    private PayoutAccount with(Status next) {
        return new PayoutAccount(accountId, structureId, iban, bic, holderName, next, registeredAt);
    }
}
