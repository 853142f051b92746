package org.passledger.settlement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.domain.Refusal;
import org.passledger.settlement.domain.PayoutAccount.Status;

class PayoutAccountTest {

    static final Instant NOW = Instant.parse("2026-04-02T08:00:00Z");
    static final UUID PLACE = UUID.randomUUID();
    static final Iban IBAN = Iban.parse("FR76 3000 6000 0112 3456 7890 189");
    static final Iban OTHER_IBAN = Iban.parse("FR1420041010050500013M02606");

    static String refusal(Runnable action) {
        Refusal problem = catchThrowableOfType(Refusal.class, action::run);
        assertThat(problem).isNotNull();
        return problem.code();
    }

    static PayoutAccount pending() {
        return PayoutAccount.register(null, UUID.randomUUID(), PLACE, IBAN, "AGRIFRPPXXX", "Connect & vous", NOW)
                .registered();
    }

    @Test
    void iban_passesItsMod97Check_inPrintedOrElectronicForm() {
        assertThat(Iban.parse("fr76 3000 6000 0112 3456 7890 189").value()).isEqualTo("FR7630006000011234567890189");
        assertThat(Iban.isValid("DE89370400440532013000")).isTrue();
        assertThat(Iban.isValid("GB82WEST12345698765432")).isTrue();
        assertThat(IBAN.printed()).isEqualTo("FR76 3000 6000 0112 3456 7890 189");
    }

    @Test
    void iban_isRejected_whenADigitIsWrong_theLengthIsWrong_orTheFormatIsNot() {
        assertThat(refusal(() -> Iban.parse("FR7630006000011234567890188"))).isEqualTo("invalid-iban");
        assertThat(refusal(() -> Iban.parse("FR763000600001123456789018"))).isEqualTo("invalid-iban");
        assertThat(refusal(() -> Iban.parse("7630006000011234567890189FR"))).isEqualTo("invalid-iban");
        assertThat(refusal(() -> Iban.parse(null))).isEqualTo("invalid-iban");
    }

    @Test
    void registration_isPending_untilTheOperatorVerifiesIt() {
        PayoutAccount account = pending();
        assertThat(account.status()).isEqualTo(Status.PENDING);
        assertThat(refusal(account::requireVerified)).isEqualTo("no-verified-account");
        assertThat(account.verify().requireVerified().status()).isEqualTo(Status.VERIFIED);
    }

    @Test
    void aNewIban_makesANewPendingAccount_andClosesTheVerifiedOne() {
        PayoutAccount verified = pending().verify();
        var registration = PayoutAccount.register(verified, UUID.randomUUID(), PLACE, OTHER_IBAN, "CCBPFRPPXXX",
                "Connect & vous", NOW);
        assertThat(registration.unchanged()).isFalse();
        assertThat(registration.current().status()).isEqualTo(Status.CLOSED);
        assertThat(registration.registered().status()).isEqualTo(Status.PENDING);
        assertThat(registration.registered().accountId()).isNotEqualTo(verified.accountId());
    }

    @Test
    void theSameDetailsAgain_changeNothing() {
        PayoutAccount verified = pending().verify();
        var registration = PayoutAccount.register(verified, UUID.randomUUID(), PLACE, IBAN, "AGRIFRPPXXX",
                "Connect & vous", NOW);
        assertThat(registration.unchanged()).isTrue();
        assertThat(registration.registered()).isEqualTo(verified);
    }

    @Test
    void statusChanges_areRefused_fromTheWrongStatus() {
        PayoutAccount verified = pending().verify();
        assertThat(refusal(verified::verify)).isEqualTo("account-not-pending");
        PayoutAccount refused = verified.refuse();
        assertThat(refusal(refused::refuse)).isEqualTo("account-not-open");
        assertThat(refusal(refused::verify)).isEqualTo("account-not-pending");
        assertThat(refusal(refused.close()::close)).isEqualTo("account-closed");
    }
}
