package org.passledger.issuance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.domain.Refusal;

class VoucherCodeTest {

    static List<VoucherCode> sample(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<VoucherCode> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(VoucherCode.generate(random));
        }
        return codes;
    }

    @Test
    void alphabet_has31DistinctSymbols_withoutLookAlikes() {
        assertThat(VoucherCode.ALPHABET).hasSize(31);
        assertThat(VoucherCode.ALPHABET.chars().distinct().count()).isEqualTo(31);
        assertThat(VoucherCode.ALPHABET).doesNotContain("0", "1", "O", "I", "Z");
    }

    @Test
    void randomPart_carriesAtLeast60Bits() {
        assertThat(BigInteger.valueOf(31).pow(VoucherCode.RANDOM_LENGTH)).isGreaterThan(BigInteger.TWO.pow(60));
    }

    @Test
    void generatedCode_is14Symbols_printedInGroupsOfFour() {
        for (VoucherCode code : sample(1_000, 1)) {
            assertThat(code.value()).matches("[" + VoucherCode.ALPHABET + "]{14}");
            assertThat(code.printable()).matches("[" + VoucherCode.ALPHABET + "]{4}(-[" + VoucherCode.ALPHABET
                    + "]{4}){2}-[" + VoucherCode.ALPHABET + "]{2}");
            assertThat(VoucherCode.isValid(code.value())).isTrue();
        }
    }

    @Test
    void generation_isRepeatable_fromTheSameSource() {
        assertThat(sample(50, 7)).isEqualTo(sample(50, 7)).isNotEqualTo(sample(50, 8));
    }

    @Test
    void parse_ignoresCaseSpacesAndDashes() {
        VoucherCode code = sample(1, 3).get(0);
        String typed = " " + code.printable().toLowerCase().replace("-", " - ") + " ";
        assertThat(VoucherCode.parse(typed)).isEqualTo(code);
        assertThat(VoucherCode.parse(code.value())).isEqualTo(code);
        assertThat(VoucherCode.parse(typed).value()).isEqualTo(code.value());
    }

    @Test
    void parse_rejectsWrongLengthsAndSymbolsOutsideTheAlphabet() {
        String valid = sample(1, 4).get(0).value();
        for (String bad : List.of("", valid.substring(1), valid + "2", valid.substring(0, 13) + "0",
                "O" + valid.substring(1), valid.substring(0, 5) + "I" + valid.substring(6), "Z" + valid.substring(1),
                valid.substring(0, 7) + "_" + valid.substring(8))) {
            assertThat(VoucherCode.isValid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> VoucherCode.parse(bad)).isInstanceOf(Refusal.class)
                    .extracting(e -> ((Refusal) e).code()).isEqualTo("invalid-voucher-code");
        }
        assertThat(VoucherCode.isValid(null)).isFalse();
    }

    @Test
    void everySingleWrongSymbol_isDetected() {
        int checked = 0;
        for (VoucherCode code : sample(300, 5)) {
            char[] symbols = code.value().toCharArray();
            for (int position = 0; position < symbols.length; position++) {
                char original = symbols[position];
                for (char other : VoucherCode.ALPHABET.toCharArray()) {
                    if (other != original) {
                        symbols[position] = other;
                        assertThat(VoucherCode.isValid(new String(symbols))).as(new String(symbols)).isFalse();
                        checked++;
                    }
                }
                symbols[position] = original;
            }
        }
        assertThat(checked).isEqualTo(300 * 14 * 30);
    }

    @Test
    void everySwapOfTwoDifferentAdjacentSymbols_isDetected() {
        int checked = 0;
        for (VoucherCode code : sample(3_000, 6)) {
            char[] symbols = code.value().toCharArray();
            for (int position = 0; position + 1 < symbols.length; position++) {
                if (symbols[position] != symbols[position + 1]) {
                    char[] swapped = symbols.clone();
                    swapped[position] = symbols[position + 1];
                    swapped[position + 1] = symbols[position];
                    assertThat(VoucherCode.isValid(new String(swapped))).as(new String(swapped)).isFalse();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(3_000 * 12);
    }

    @Test
    void hundredThousandGeneratedCodes_areUnique() {
        Random secureLike = new Random(20260302L);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(VoucherCode.generate(secureLike).value())).isTrue();
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void hash_isTheLowercaseHexSha256OfTheNormalisedCode() {
        // known SHA-256 test vector: "abc"
        assertThat(VoucherCode.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        VoucherCode code = sample(1, 9).get(0);
        assertThat(code.hash()).matches("[0-9a-f]{64}")
                .isEqualTo(VoucherCode.hash(code.value()))
                .isEqualTo(VoucherCode.hash(VoucherCode.normalise(code.printable().toLowerCase())));
    }

    @Test
    void toString_doesNotRevealTheCode() {
        VoucherCode code = sample(1, 10).get(0);
        assertThat(code.toString()).doesNotContain(code.value().substring(0, 12));
    }

    @Test
    void aMillionCodesFromTheProductionRandomSource_areUnique_andEverySampledOneCatchesEverySingleErrorAndSwap() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        String[] codes = new String[1_000_000];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = VoucherCode.generate(random).value();
        }
        String[] sorted = codes.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            assertThat(sorted[i]).as("duplicate code").isNotEqualTo(sorted[i - 1]);
        }
        long singles = 0;
        long swaps = 0;
        for (int i = 0; i < codes.length; i += 1_000) { // a sample of 1,000 codes spread over the million
            char[] symbols = codes[i].toCharArray();
            assertThat(VoucherCode.isValid(codes[i])).isTrue();
            for (int position = 0; position < symbols.length; position++) {
                char original = symbols[position];
                for (char other : VoucherCode.ALPHABET.toCharArray()) {
                    if (other != original) {
                        symbols[position] = other;
                        assertThat(VoucherCode.isValid(new String(symbols))).as(new String(symbols)).isFalse();
                        singles++;
                    }
                }
                symbols[position] = original;
                if (position + 1 < symbols.length && symbols[position] != symbols[position + 1]) {
                    char[] swapped = symbols.clone();
                    swapped[position] = symbols[position + 1];
                    swapped[position + 1] = symbols[position];
                    assertThat(VoucherCode.isValid(new String(swapped))).as(new String(swapped)).isFalse();
                    swaps++;
                }
            }
        }
        assertThat(singles).isEqualTo(1_000L * 14 * 30);
        assertThat(swaps).isGreaterThan(1_000L * 12);
    }
}
