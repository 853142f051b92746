package org.passledger.issuance.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import org.passledger.kernel.domain.Refusal;

/**
 * The code printed on a voucher: {@value #RANDOM_LENGTH} random symbols and one check symbol, from an
 * alphabet of {@value #BASE} characters without look-alikes (no 0/O, 1/I, Z/2), e.g. {@code 7KQM-4XHT-9BRC-PE}.
 *
 * <p>Entropy: 31^13 is about 2^64.4 codes, so a guessed code is practically never a real one.
 *
 * <p>Check symbol: with v(i) the value of the symbol at position i (1-based, the check symbol at position 14),
 * the code is valid when the weighted sum of i x v(i) over all 14 positions is 0 mod 31. Because 31 is prime
 * and the weights 1..14 are distinct, nonzero and smaller than 31:
 * <ul>
 *   <li>one wrong symbol at position i changes the sum by i x d with d = v' - v in 1..30 (mod 31); a product
 *       of two non-multiples of a prime is not a multiple of it, so the sum is no longer 0;</li>
 *   <li>swapping two different adjacent symbols a (position i) and b (position i+1) changes the sum by
 *       i x b + (i+1) x a - i x a - (i+1) x b = a - b, which is not 0 mod 31 since a != b.</li>
 * </ul>
 *
 * <p>Only {@link #hash(String)} of the normalised code leaves the service (in {@code voucher.issued.v1}); the
 * clear code is shown once, to the funder who ordered the book.
 */
public final class VoucherCode {

    /** Symbols in value order: 2-9 then A-Y without I and O. */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXY";
    public static final int BASE = 31;
    public static final int RANDOM_LENGTH = 13;
    public static final int LENGTH = RANDOM_LENGTH + 1;
    private static final int GROUP = 4;
    /** The inverse of the check position's weight (14) mod 31: 14 x 20 = 280 = 9 x 31 + 1. */
    private static final int INVERSE_OF_CHECK_WEIGHT = 20;

    private final String value;

    private VoucherCode(String value) {
        this.value = value;
    }

    /** A new code of uniformly random symbols from the given source (a SecureRandom in production). */
    public static VoucherCode generate(RandomGenerator random) {
        char[] symbols = new char[LENGTH];
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            symbols[i] = ALPHABET.charAt(random.nextInt(BASE));
        }
        symbols[RANDOM_LENGTH] = checkSymbol(new String(symbols, 0, RANDOM_LENGTH));
        return new VoucherCode(new String(symbols));
    }

    /**
     * Reads a code as a person typed it: case, spaces and dashes do not matter; anything else must be a
     * symbol of the alphabet, and the check symbol must agree.
     */
    public static VoucherCode parse(String input) {
        String normalised = normalise(input);
        if (!isWellFormed(normalised)) {
            throw Refusal.invalid("invalid-voucher-code",
                    "A voucher code is " + LENGTH + " characters of " + ALPHABET + " with a valid check character.");
        }
        return new VoucherCode(normalised);
    }

    /** Whether the input, once normalised, is a code with a valid check symbol. */
    public static boolean isValid(String input) {
        return isWellFormed(normalise(input));
    }

    /** Upper case, without spaces and dashes. */
    public static String normalise(String input) {
        if (input == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c != '-' && !Character.isWhitespace(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    /**
     * The fingerprint that travels in events and identifies a code across services: the lowercase hex
     * SHA-256 of the UTF-8 bytes of the normalised code (14 characters, check symbol included, no dashes).
     * Other services compute it the same way from what a person typed, after {@link #normalise}.
     */
    public static String hash(String normalisedCode) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalisedCode.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public String hash() {
        return hash(value);
    }

    /** The normalised form: 14 symbols, no dashes. */
    public String value() {
        return value;
    }

    /** The form printed for people: groups of four, e.g. {@code 7KQM-4XHT-9BRC-PE}. */
    public String printable() {
        StringBuilder out = new StringBuilder(LENGTH + LENGTH / GROUP);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP == 0) {
                out.append('-');
            }
            out.append(value.charAt(i));
        }
        return out.toString();
    }

    static char checkSymbol(String randomPart) {
        int sum = 0;
        for (int i = 0; i < randomPart.length(); i++) {
            sum += (i + 1) * ALPHABET.indexOf(randomPart.charAt(i));
        }
        int check = Math.floorMod(-sum * INVERSE_OF_CHECK_WEIGHT, BASE);
        return ALPHABET.charAt(check);
    }

    private static boolean isWellFormed(String normalised) {
        if (normalised.length() != LENGTH) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            int v = ALPHABET.indexOf(normalised.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += (i + 1) * v;
        }
        return sum % BASE == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VoucherCode code && code.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked: a code is a bearer secret and must not end up in logs. */
    @Override
    public String toString() {
        return "VoucherCode[****-****-****-" + value.substring(12) + "]";
    }
}
