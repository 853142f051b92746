package org.passledger.settlement.ledger;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The chart of accounts. Accounts are named, not created: a name that fits a pattern is an account, with no
 * balance until something is posted to it. Assets (funder, bank, place-receivable, debit-notes) are normally
 * debit-balanced, the others (clearing, operator-fees, place) credit-balanced.
 */
public final class Accounts {

    public static final String BANK = "bank";
    public static final String CLEARING = "clearing";
    public static final String OPERATOR_FEES = "operator-fees";

    public static final String FUNDER = "funder:";
    public static final String PLACE = "place:";
    public static final String PLACE_RECEIVABLE = "place-receivable:";
    public static final String DEBIT_NOTES = "debit-notes:";

    private static final Pattern PARTY_ACCOUNT = Pattern.compile(
            "(funder|place|place-receivable|debit-notes):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The side an account's balance normally sits on. */
    public enum Side { DEBIT, CREDIT }

    private Accounts() {
    }

    public static String funder(UUID funderId) {
        return FUNDER + funderId;
    }

    public static String place(UUID structureId) {
        return PLACE + structureId;
    }

    public static String placeReceivable(UUID structureId) {
        return PLACE_RECEIVABLE + structureId;
    }

    public static String debitNotes(UUID structureId) {
        return DEBIT_NOTES + structureId;
    }

    /** Whether the name is one of the chart's accounts (party ids in lower-case UUID form). */
    public static boolean isValid(String account) {
        return account != null && (BANK.equals(account) || CLEARING.equals(account) || OPERATOR_FEES.equals(account)
                || PARTY_ACCOUNT.matcher(account).matches());
    }

    public static Side normalSide(String account) {
        if (BANK.equals(account) || account.startsWith(FUNDER) || account.startsWith(PLACE_RECEIVABLE)
                || account.startsWith(DEBIT_NOTES)) {
            return Side.DEBIT;
        }
        return Side.CREDIT;
    }

    /** The party an account belongs to (the part after the colon), or null for the scheme's own accounts. */
    public static UUID partyOf(String account) {
        int colon = account.indexOf(':');
        return colon < 0 ? null : UUID.fromString(account.substring(colon + 1));
    }

    /** Whether a place may read the account: its own place, place-receivable and debit-notes accounts. */
    public static boolean belongsToPlace(String account, UUID structureId) {
        return account.equals(place(structureId)) || account.equals(placeReceivable(structureId))
                || account.equals(debitNotes(structureId));
    }

    public static boolean belongsToFunder(String account, UUID funderId) {
        return account.equals(funder(funderId));
    }
}
