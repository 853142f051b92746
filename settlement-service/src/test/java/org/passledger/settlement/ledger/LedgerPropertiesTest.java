package org.passledger.settlement.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.passledger.events.LedgerEvent;
import org.passledger.settlement.ledger.LedgerScenario.Step;
import org.passledger.settlement.ledger.Posting.Line;

/**
 * Random valid sequences of business events, booked one by one with the posting rules: after every event the
 * ledger balances and no account is on a side it must never be on.
 */
class LedgerPropertiesTest {

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 5),
                Arbitraries.longs().between(1, 200_000)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 500)
    void everyEntryBalances_theTrialBalanceSumsToZero_andNoAccountCrossesItsSide(@ForAll("steps") List<Step> steps) {
        LedgerScenario scenario = LedgerScenario.play(steps);
        Map<String, Long> balances = new HashMap<>();
        Map<UUID, Long> validatedSoFar = new HashMap<>();
        for (LedgerEvent event : scenario.events) {
            if (event instanceof org.passledger.events.SettlementEvent.IncidentValidated v) {
                validatedSoFar.merge(v.structureId(), v.amountCents(), Long::sum);
            }
            Optional<Posting> posting = PostingRules.post(UUID.randomUUID(), Instant.EPOCH, event);
            if (posting.isEmpty()) {
                continue;
            }
            List<Line> lines = posting.get().lines();
            assertThat(lines.stream().mapToLong(Line::signedCents).sum()).as("entry for %s", event).isZero();
            for (Line line : lines) {
                balances.merge(line.account(), line.signedCents(), Long::sum);
            }
            assertBounds(balances, validatedSoFar, event);
        }
        assertThat(balances.values().stream().mapToLong(Long::longValue).sum()).isZero();
        assertModelAgrees(scenario, balances);
    }

    private static void assertBounds(Map<String, Long> balances, Map<UUID, Long> validated, LedgerEvent after) {
        balances.forEach((account, balance) -> {
            String where = account + " after " + after;
            if (account.equals(Accounts.CLEARING) || account.equals(Accounts.OPERATOR_FEES)
                    || account.startsWith(Accounts.PLACE)) {
                assertThat(balance).as("%s is never debit-balanced", where).isLessThanOrEqualTo(0);
            }
            if (account.startsWith(Accounts.PLACE_RECEIVABLE) || account.startsWith(Accounts.DEBIT_NOTES)) {
                assertThat(balance).as("%s is never credit-balanced", where).isGreaterThanOrEqualTo(0);
            }
            if (account.startsWith(Accounts.DEBIT_NOTES)) {
                assertThat(balance).as("%s never exceeds the validated incidents", where)
                        .isLessThanOrEqualTo(validated.getOrDefault(Accounts.partyOf(account), 0L));
            }
        });
    }

    /** The ledger tells the same story as the scenario's own bookkeeping. */
    private static void assertModelAgrees(LedgerScenario scenario, Map<String, Long> balances) {
        long unusedFace = 0;
        long validated = 0;
        for (int f = 0; f < LedgerScenario.FUNDERS; f++) {
            unusedFace += scenario.unusedFace[f];
        }
        for (int p = 0; p < LedgerScenario.PLACES; p++) {
            validated += scenario.validated[p];
            assertThat(-balances.getOrDefault(Accounts.place(scenario.places[p]), 0L))
                    .as("what place %d is owed", p).isEqualTo(scenario.owed[p]);
            assertThat(balances.getOrDefault(Accounts.placeReceivable(scenario.places[p]), 0L))
                    .as("what place %d still owes", p).isEqualTo(scenario.receivable[p]);
        }
        assertThat(-balances.getOrDefault(Accounts.CLEARING, 0L)).isEqualTo(unusedFace + validated);
    }
}
