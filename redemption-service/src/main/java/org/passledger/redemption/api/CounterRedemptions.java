package org.passledger.redemption.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.kernel.command.Decided;
import org.passledger.kernel.command.GroupCommit;
import org.passledger.kernel.command.GroupCommit.Result;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.idempotency.IdempotentRequests;
import org.passledger.kernel.idempotency.IdempotentRequests.Claim;
import org.passledger.kernel.idempotency.Outcome;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.redemption.application.RedemptionService;
import org.passledger.redemption.application.RedemptionService.RedeemRequest;

/**
 * {@code POST /redemptions} with group commit: redemptions that arrive while the database is busy are claimed,
 * decided, appended and answered in one transaction (ADR 0010). Alone, or when the group cannot take it (its key
 * is already claimed, a second redemption of a voucher the group redeems), a redemption runs exactly as the
 * kernel's idempotent path runs any command.
 */
@ApplicationScoped
public class CounterRedemptions {

    static final String OPERATION = "POST /redemptions";

    /** One redemption at a counter, as the resource received it. */
    record Redeem(Claim claim, Object body, RedeemRequest request, EventMetadata metadata) {
    }

    private final RedemptionService service;
    private final IdempotentRequests idempotency;
    private final Transactions transactions;
    private final GroupCommit<Redeem, Supplier<Response>> groups;

    public CounterRedemptions(RedemptionService service, IdempotentRequests idempotency, Transactions transactions,
                              Vertx vertx, MeterRegistry meters,
                              @ConfigProperty(name = "redemption.group-commit.max-group", defaultValue = "64")
                              int maxGroup,
                              @ConfigProperty(name = "redemption.group-commit.max-in-flight", defaultValue = "2")
                              int maxInFlight) {
        this.service = service;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.groups = new GroupCommit<>(vertx, meters, "redeem", maxGroup, maxInFlight, this::redeemTogether, this::redeemAlone);
    }

    /** Redeems under the request's Idempotency-Key (required); a refusal rolls the key back. */
    public Uni<Response> redeem(String actor, String key, Object body, RedeemRequest request, EventMetadata metadata) {
        Claim claim = idempotency.claimFor(actor, key, OPERATION, body); // refuses a missing or malformed key now
        // a Response is made on the request's own thread, where the answer is delivered
        return groups.submit(new Redeem(claim, body, request, metadata)).map(Supplier::get);
    }

    private Uni<Supplier<Response>> redeemAlone(Redeem redeem) {
        return idempotency.runRequiringKey(redeem.claim().caller(), redeem.claim().key(), OPERATION, redeem.body(),
                        session -> service.redeem(session, redeem.request(), redeem.metadata())
                                .map(CounterRedemptions::created))
                .map(response -> () -> response);
    }

    private Uni<List<Result<Supplier<Response>>>> redeemTogether(List<Redeem> group) {
        // a key twice in one group: the later one waits for the first one's answer, alone
        Set<List<String>> seen = new HashSet<>();
        List<Redeem> distinct = group.stream()
                .filter(redeem -> seen.add(List.of(redeem.claim().caller(), redeem.claim().key()))).toList();
        return transactions.write(session -> idempotency.claimAll(session,
                distinct.stream().map(Redeem::claim).toList()).chain(claimed -> {
                    List<Redeem> held = new ArrayList<>();
                    for (int i = 0; i < claimed.length; i++) {
                        if (claimed[i]) {
                            held.add(distinct.get(i));
                        }
                    }
                    return service.redeemAll(session, held.stream().map(Redeem::request).toList(),
                                    held.stream().map(Redeem::metadata).toList())
                            .chain(decided -> answer(session, held, decided));
                })).map(answers -> {
                    List<Result<Supplier<Response>>> results = new ArrayList<>();
                    for (Redeem redeem : group) {
                        results.add(answers.stream().filter(a -> a.redeem() == redeem).findFirst()
                                .map(Answer::result).orElse(Result.runAlone()));
                    }
                    return results;
                });
    }

    private record Answer(Redeem redeem, Result<Supplier<Response>> result) {
    }

    /** Gives back the keys of refused redemptions, stores the answers of the others, in the group's transaction. */
    private Uni<List<Answer>> answer(Mutiny.Session session, List<Redeem> held,
                                     List<? extends Decided<?, ?>> decided) {
        List<Answer> answers = new ArrayList<>();
        List<Claim> released = new ArrayList<>();
        List<Redeem> redeemed = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            Decided<?, ?> one = decided.get(i);
            if (one.alone()) {
                released.add(held.get(i).claim());
                answers.add(new Answer(held.get(i), Result.runAlone()));
            } else if (one.refusal() != null) {
                released.add(held.get(i).claim());
                answers.add(new Answer(held.get(i), Result.refused(one.refusal())));
            } else {
                redeemed.add(held.get(i));
                outcomes.add(created((VoucherRedeemed) one.decision().events().get(0)));
            }
        }
        return idempotency.releaseAll(session, released)
                .chain(() -> idempotency.storeAll(session, redeemed.stream().map(Redeem::claim).toList(), outcomes))
                .map(stored -> {
                    for (int i = 0; i < redeemed.size(); i++) {
                        answers.add(new Answer(redeemed.get(i), Result.answered(stored.get(i)::toResponse)));
                    }
                    return answers;
                });
    }

    private static Outcome created(VoucherRedeemed redeemed) {
        return Outcome.created(RedemptionResponses.Redeemed.of(redeemed),
                URI.create("/redemptions/" + redeemed.redemptionId()));
    }
}
