package org.passledger.redemption.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoucherCodesTest {

    @Test
    void normalise_upperCasesAndDropsSpacesAndDashes() {
        assertThat(VoucherCodes.normalise(" pn7k-3q9x 2mhd ")).isEqualTo("PN7K3Q9X2MHD");
    }

    @Test
    void hash_isTheLowercaseHexSha256OfTheNormalisedCode() {
        // SHA-256("ABC"), a published test value
        assertThat(VoucherCodes.hash("a-b c"))
                .isEqualTo("b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78");
    }

    @Test
    void hash_isTheSameForEveryWayOfTypingACode() {
        assertThat(VoucherCodes.hash("pn7k-3q9x-2mhd")).isEqualTo(VoucherCodes.hash("PN7K 3Q9X 2MHD"))
                .isEqualTo(VoucherCodes.hash("PN7K3Q9X2MHD"))
                .matches("[0-9a-f]{64}");
    }
}
