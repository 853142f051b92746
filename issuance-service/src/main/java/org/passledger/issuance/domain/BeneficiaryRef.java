package org.passledger.issuance.domain;

import java.util.random.RandomGenerator;

/**
 * The pseudonymous reference of the person a voucher was handed to: random, so it says nothing about them,
 * e.g. {@code BEN-K7QM4XHT9BRC}. Whoever needs to find the person again keeps the link outside the ledger.
 */
public final class BeneficiaryRef {

    public static final String PREFIX = "BEN-";
    private static final int LENGTH = 12; // 31^12, about 2^59

    private BeneficiaryRef() {
    }

    public static String generate(RandomGenerator random) {
        StringBuilder out = new StringBuilder(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            out.append(VoucherCode.ALPHABET.charAt(random.nextInt(VoucherCode.BASE)));
        }
        return out.toString();
    }
}
