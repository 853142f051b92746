package org.passledger.settlement.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.SettlementEvent.CreditNoteIssued;
import org.passledger.kernel.domain.Refusal;
import org.passledger.settlement.application.DocumentCounters;

class FeesTest {

    @Test
    void fee_isTheRateOfTheFaceValue_roundedHalfUpToTheCent() {
        assertThat(Fees.feeCents(120_000, 400)).isEqualTo(4_800);
        assertThat(Fees.feeCents(12_345, 400)).isEqualTo(494); // 493.8
        assertThat(Fees.feeCents(1, 5_000)).isEqualTo(1); // 0.5 rounds up
        assertThat(Fees.feeCents(1, 4_999)).isEqualTo(0); // 0.4999 rounds down
        assertThat(Fees.feeCents(3, 5_000)).isEqualTo(2); // 1.5
        assertThat(Fees.feeCents(99_999_999_999L, 10_000)).isEqualTo(99_999_999_999L);
        assertThat(Fees.feeCents(50_000, 0)).isZero();
    }

    @Test
    void aDocumentStream_takesOneDocument_andRefusesASecond() {
        IssueOnce once = new IssueOnce("credit-note-exists");
        var note = new CreditNoteIssued(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "AV-2026-000001",
                100, List.of(UUID.randomUUID()), java.time.Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(once.decide(note, once.initialState())).containsExactly(note);
        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> once.decide(note, once.fold(List.of(note))));
        assertThat(refusal.code()).isEqualTo("credit-note-exists");
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT_WITH_STATE);
    }

    @Test
    void numbers_nameTheirSeriesAndYear() {
        assertThat(DocumentCounters.format(DocumentCounters.INVOICES, 2026, 42)).isEqualTo("FAC-2026-000042");
        assertThat(DocumentCounters.format(DocumentCounters.CREDIT_NOTES, 2027, 1)).isEqualTo("AV-2027-000001");
        assertThat(DocumentCounters.yearOf(java.time.Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo(2027);
    }
}
