package org.passledger.settlement.domain;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;
import org.passledger.kernel.domain.Refusal;

/**
 * An International Bank Account Number, checked with ISO 13616's mod-97: the check digits make the number,
 * rearranged and turned into digits, leave 1 when divided by 97. Stored without spaces, upper case.
 */
public record Iban(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);
    /** Lengths of the SEPA countries places are likely to bank in; others are held to the format alone. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("FR", 27), Map.entry("MC", 27), Map.entry("DE", 22), Map.entry("BE", 16),
            Map.entry("LU", 20), Map.entry("NL", 18), Map.entry("ES", 24), Map.entry("IT", 27),
            Map.entry("PT", 25), Map.entry("CH", 21), Map.entry("AT", 20), Map.entry("IE", 22),
            Map.entry("GB", 22));

    public Iban {
        if (!isValid(value)) {
            throw Refusal.invalid("invalid-iban", "Not a valid IBAN: " + value + ".");
        }
    }

    /** Accepts the printed form ("FR76 3000 6000 ...") as well as the electronic one. */
    public static Iban parse(String text) {
        if (text == null) {
            throw Refusal.invalid("invalid-iban", "An IBAN is required.");
        }
        return new Iban(normalise(text));
    }

    static String normalise(String text) {
        return text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    public static boolean isValid(String iban) {
        if (iban == null || !FORMAT.matcher(iban).matches()) {
            return false;
        }
        Integer length = LENGTHS.get(iban.substring(0, 2));
        if (length != null && iban.length() != length) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    public String country() {
        return value.substring(0, 2);
    }

    /** The IBAN in groups of four, as printed on statements. */
    public String printed() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(value, i, Math.min(i + 4, value.length()));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
