package org.passledger.tools.journey;

import java.security.SecureRandom;

/** Fresh SIRETs with a valid check digit, so every journey registers a place of its own. */
public final class Sirets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sirets() {
    }

    public static String random() {
        StringBuilder digits = new StringBuilder("7");
        for (int i = 0; i < 12; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        for (int check = 0; check <= 9; check++) {
            String candidate = digits.toString() + check;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("a Luhn check digit always exists");
    }

    private static boolean luhn(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
