package org.passledger.redemption.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The printed voucher code as a key. A code never travels nor is stored in clear: issuance publishes
 * {@code codeHash} in {@code voucher.issued.v1} and this service finds the voucher by the same hash.
 *
 * <p>The contract, shared with issuance-service: normalise the code (upper case, spaces and dashes removed),
 * then take the lowercase hex SHA-256 of its UTF-8 bytes. "pn-7k3q 9x2m" and "PN7K3Q9X2M" are the same code.
 */
public final class VoucherCodes {

    private VoucherCodes() {
    }

    /** Upper case, without the spaces and dashes people type or print for readability. */
    public static String normalise(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of the normalised code. */
    public static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalise(code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
