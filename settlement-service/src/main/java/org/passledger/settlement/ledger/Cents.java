package org.passledger.settlement.ledger;

/** Amounts in euros with a dot, for CSV files: -1234 cents is "-12.34". */
public final class Cents {

    private Cents() {
    }

    public static String euros(long cents) {
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + (abs / 100) + "." + String.format("%02d", abs % 100);
    }
}
