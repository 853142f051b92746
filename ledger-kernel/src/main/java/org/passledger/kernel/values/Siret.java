package org.passledger.kernel.values;

import org.passledger.kernel.domain.Refusal;

/** A French establishment number: 14 digits whose Luhn sum is a multiple of 10 (La Poste's own rule aside). */
public record Siret(String value) {

    private static final String LA_POSTE_SIREN = "356000000";

    public Siret {
        if (value == null || !value.matches("\\d{14}") || !checks(value)) {
            throw Refusal.invalid("invalid-siret", "A SIRET is 14 digits with a valid check digit.");
        }
    }

    public static boolean isValid(String value) {
        return value != null && value.matches("\\d{14}") && checks(value);
    }

    private static boolean checks(String digits) {
        if (digits.startsWith(LA_POSTE_SIREN)) {
            // La Poste's establishments use a digit sum divisible by 5 instead of Luhn
            return digits.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int digit = digits.charAt(13 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
