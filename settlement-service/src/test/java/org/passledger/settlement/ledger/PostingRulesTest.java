package org.passledger.settlement.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.LedgerEvent;
import org.passledger.events.ProgrammeEvent.FundingConfirmed;
import org.passledger.events.SettlementEvent.ClawbackApplied;
import org.passledger.events.SettlementEvent.CreditNoteIssued;
import org.passledger.events.SettlementEvent.DebitNoteIssued;
import org.passledger.events.SettlementEvent.FeeRulePublished;
import org.passledger.events.SettlementEvent.FunderInvoiced;
import org.passledger.events.SettlementEvent.IncidentDismissed;
import org.passledger.events.SettlementEvent.IncidentOpened;
import org.passledger.events.SettlementEvent.IncidentValidated;
import org.passledger.events.SettlementEvent.PaymentConfirmed;
import org.passledger.events.SettlementEvent.PaymentRejected;
import org.passledger.events.SettlementEvent.SettlementRunOpened;
import org.passledger.events.SettlementEvent.StatementIssued;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.settlement.ledger.Posting.Line;
import org.passledger.settlement.reporting.Csv;

class PostingRulesTest {

    static final Instant AT = Instant.parse("2026-03-14T09:30:00Z");
    static final UUID FUNDER = UUID.randomUUID();
    static final UUID PLACE = UUID.randomUUID();
    static final UUID PROGRAMME = UUID.randomUUID();

    static Posting posted(LedgerEvent event) {
        UUID eventId = UUID.randomUUID();
        Posting posting = PostingRules.post(eventId, AT, event).orElseThrow();
        assertThat(posting.sourceEventId()).isEqualTo(eventId);
        assertThat(posting.entryId()).isEqualTo(Posting.entryIdOf(eventId));
        assertThat(posting.bookedAt()).isEqualTo(AT);
        return posting;
    }

    static void postsNothing(LedgerEvent event) {
        assertThat(PostingRules.post(UUID.randomUUID(), AT, event)).isEmpty();
    }

    @Test
    void funderInvoiced_debitsTheFunderTheTotal_creditsClearingTheFaceValueAndFeesTheFee() {
        var event = new FunderInvoiced(UUID.randomUUID(), FUNDER, PROGRAMME, UUID.randomUUID(), "FAC-2026-000001",
                120_000, 4_800, 124_800, "default-2026", AT);
        Posting posting = posted(event);
        assertThat(posting.sourceType()).isEqualTo("settlement.funder-invoiced.v1");
        assertThat(posting.lines()).containsExactly(
                Line.debit("funder:" + FUNDER, 124_800),
                Line.credit("clearing", 120_000),
                Line.credit("operator-fees", 4_800));
    }

    @Test
    void funderInvoiced_withoutFee_hasNoFeeLine() {
        var event = new FunderInvoiced(UUID.randomUUID(), FUNDER, PROGRAMME, UUID.randomUUID(), "FAC-2026-000002",
                50_000, 0, 50_000, "programme-quote", AT);
        assertThat(posted(event).lines()).containsExactly(
                Line.debit("funder:" + FUNDER, 50_000), Line.credit("clearing", 50_000));
    }

    @Test
    void fundingConfirmed_debitsTheBank_creditsTheFunder() {
        var event = new FundingConfirmed(PROGRAMME, UUID.randomUUID(), FUNDER, "VIR-42", 124_800, AT);
        Posting posting = posted(event);
        assertThat(posting.sourceType()).isEqualTo("programme.funding-confirmed.v1");
        assertThat(posting.lines()).containsExactly(
                Line.debit("bank", 124_800), Line.credit("funder:" + FUNDER, 124_800));
    }

    @Test
    void creditNote_debitsClearing_creditsTheFunder() {
        var event = new CreditNoteIssued(UUID.randomUUID(), FUNDER, PROGRAMME, "AV-2026-000001", 3_000,
                List.of(UUID.randomUUID(), UUID.randomUUID()), AT);
        assertThat(posted(event).lines()).containsExactly(
                Line.debit("clearing", 3_000), Line.credit("funder:" + FUNDER, 3_000));
    }

    @Test
    void voucherReimbursed_debitsClearing_creditsThePlace() {
        var event = new VoucherReimbursed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), PLACE, PROGRAMME,
                FUNDER, 1_000, AT);
        assertThat(posted(event).lines()).containsExactly(
                Line.debit("clearing", 1_000), Line.credit("place:" + PLACE, 1_000));
    }

    @Test
    void paymentConfirmed_debitsThePlace_creditsTheBank() {
        var event = new PaymentConfirmed(UUID.randomUUID(), UUID.randomUUID(), PLACE, 7_000, "SEPA-1", AT);
        assertThat(posted(event).lines()).containsExactly(
                Line.debit("place:" + PLACE, 7_000), Line.credit("bank", 7_000));
    }

    @Test
    void paymentRejectedAfterConfirmation_givesTheMoneyBackToTheBank_andOwesThePlaceAgain() {
        var event = new PaymentRejected(UUID.randomUUID(), PLACE, UUID.randomUUID(), 7_000, true, "account closed", AT);
        assertThat(posted(event).lines()).containsExactly(
                Line.debit("bank", 7_000), Line.credit("place:" + PLACE, 7_000));
    }

    @Test
    void paymentRejectedBeforeConfirmation_postsNothing() {
        postsNothing(new PaymentRejected(UUID.randomUUID(), PLACE, UUID.randomUUID(), 7_000, false, "unknown", AT));
    }

    @Test
    void incidentValidated_debitsThePlaceReceivable_creditsClearing() {
        var event = new IncidentValidated(UUID.randomUUID(), PLACE, 2_000, AT);
        assertThat(posted(event).lines()).containsExactly(
                Line.debit("place-receivable:" + PLACE, 2_000), Line.credit("clearing", 2_000));
    }

    @Test
    void clawback_debitsThePlace_creditsItsReceivable() {
        var event = new ClawbackApplied(UUID.randomUUID(), PLACE, UUID.randomUUID(), 1_500, AT);
        assertThat(posted(event).lines()).containsExactly(
                Line.debit("place:" + PLACE, 1_500), Line.credit("place-receivable:" + PLACE, 1_500));
    }

    @Test
    void debitNote_movesTheReceivableToDebitNotes() {
        var event = new DebitNoteIssued(UUID.randomUUID(), PLACE, "DN-2026-000001", 500, AT);
        assertThat(posted(event).lines()).containsExactly(
                Line.debit("debit-notes:" + PLACE, 500), Line.credit("place-receivable:" + PLACE, 500));
    }

    @Test
    void eventsThatMoveNoMoney_postNothing() {
        postsNothing(new IncidentOpened(UUID.randomUUID(), PLACE, "fraud", List.of(UUID.randomUUID()), 1_000,
                "forged receipts", AT));
        postsNothing(new IncidentDismissed(UUID.randomUUID(), PLACE, "proof given", AT));
        postsNothing(new FeeRulePublished("default-2026", null, 400, java.time.LocalDate.of(2026, 1, 1), null, AT));
        postsNothing(new SettlementRunOpened(UUID.randomUUID(), "2026-02", AT, AT, AT));
        postsNothing(new StatementIssued(UUID.randomUUID(), UUID.randomUUID(), PLACE, "2026-000001", 0, List.of(), AT));
        postsNothing(new PaymentConfirmed(UUID.randomUUID(), UUID.randomUUID(), PLACE, 0, "all clawed back", AT));
    }

    @Test
    void anUnbalancedEntry_isRefused() {
        assertThatThrownBy(() -> new Posting(UUID.randomUUID(), UUID.randomUUID(), "x", AT, "x",
                List.of(Line.debit("bank", 100), Line.credit("clearing", 99))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> Line.debit("nowhere", 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accounts_namesAndSides() {
        assertThat(Accounts.isValid("funder:" + FUNDER)).isTrue();
        assertThat(Accounts.isValid("funder:nobody")).isFalse();
        assertThat(Accounts.normalSide("bank")).isEqualTo(Accounts.Side.DEBIT);
        assertThat(Accounts.normalSide("place-receivable:" + PLACE)).isEqualTo(Accounts.Side.DEBIT);
        assertThat(Accounts.normalSide("place:" + PLACE)).isEqualTo(Accounts.Side.CREDIT);
        assertThat(Accounts.normalSide("clearing")).isEqualTo(Accounts.Side.CREDIT);
        assertThat(Accounts.belongsToPlace("debit-notes:" + PLACE, PLACE)).isTrue();
        assertThat(Accounts.belongsToPlace("funder:" + PLACE, PLACE)).isFalse();
    }

    @Test
    void ledgerDates_aDayEndsAtParisMidnight_evenAcrossDaylightSaving() {
        assertThat(LedgerDates.endOf("2026-03-28", "asOf")).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(LedgerDates.endOf("2026-03-29", "asOf")).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(LedgerDates.startOf("2026-03-29", "from")).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(LedgerDates.endOf("2026-03-29T10:00:00Z", "asOf")).isEqualTo(Instant.parse("2026-03-29T10:00:00Z"));
        assertThat(Csv.euros(-1234L)).isEqualTo("-12.34");
        assertThat(Csv.euros(5L)).isEqualTo("0.05");
    }
}
