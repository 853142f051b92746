package org.passledger.redemption.application;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.events.RedemptionEvent;
import org.passledger.events.RedemptionEvent.RedemptionReversed;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.Topics;
import org.passledger.kernel.command.CommandHandler;
import org.passledger.kernel.command.Decided;
import org.passledger.kernel.command.StreamCommand;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.redemption.domain.Redemption;
import org.passledger.redemption.domain.RedemptionCommand;
import org.passledger.redemption.domain.RedemptionCommand.RedeemVoucher;
import org.passledger.redemption.domain.RedemptionCommand.ReverseRedemption;
import org.passledger.redemption.domain.RedemptionState;
import org.passledger.redemption.domain.VoucherCodes;
import org.passledger.kernel.projection.ConsumerPositions;
import org.passledger.redemption.projection.ReimbursedRedemption;
import org.passledger.redemption.projection.StructureLabels;
import org.passledger.redemption.projection.VoucherEligibility;

/**
 * Validates, redeems and reverses, inside the caller's transaction. The decision is local: the voucher's
 * eligibility and the place's label come from this service's projections, the voucher's redemption stream says
 * whether it was already redeemed, and the event is appended at the version that was read. No other service is
 * called.
 */
@ApplicationScoped
public class RedemptionService {

    /** What the place asked for, before the facts are looked up. */
    public record RedeemRequest(UUID redemptionId, UUID structureId, String code, String service,
                                String sessionReference, String staffMember) {
    }

    /** Who asks to reverse a redemption, and why. */
    public record ReverseRequest(UUID redemptionId, boolean byOperator, UUID placeId, String actor, String reason) {
    }

    private final CommandHandler handler;
    private final RedeemedEvents redeemed;
    private final StructureLabels labels;
    private final CodeGuessingGuard guard;
    private final ConsumerPositions positions;
    private final Redemption redemption;
    private final int retryAfterSeconds;

    public RedemptionService(CommandHandler handler, RedeemedEvents redeemed, StructureLabels labels, CodeGuessingGuard guard,
                             ConsumerPositions positions, Clock clock,
                             @ConfigProperty(name = "redemption.not-yet-known.retry-after-seconds", defaultValue = "2")
                             int retryAfterSeconds) {
        this.handler = handler;
        this.redeemed = redeemed;
        this.labels = labels;
        this.guard = guard;
        this.positions = positions;
        this.redemption = new Redemption(clock);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Uni<VoucherRedeemed> redeem(Mutiny.Session session, RedeemRequest request, EventMetadata metadata) {
        return command(session, request).chain(command -> handler.handle(session,
                        command.voucherId().toString(), redemption, RedemptionEvent.class, command, metadata))
                .map(decision -> (VoucherRedeemed) decision.events().get(0));
    }

    /**
     * Redeems a group of requests in the caller's transaction (group commit): the places' throttles and labels,
     * the vouchers' eligibility and their streams are each read in one statement for the whole group, then every
     * request is decided in order as {@link #redeem} would decide it alone, and the events are appended together.
     * Answers one result per request, in order.
     */
    public Uni<List<Decided<RedemptionState, RedemptionEvent>>> redeemAll(Mutiny.Session session,
                                                                         List<RedeemRequest> requests,
                                                                         List<EventMetadata> metadata) {
        Set<UUID> places = new LinkedHashSet<>();
        requests.forEach(request -> places.add(request.structureId()));
        List<String> codeHashes = requests.stream().map(request -> VoucherCodes.hash(request.code())).toList();
        return guard.throttled(session, places).chain(throttled -> session.createNativeQuery(
                                "select * from voucher_eligibility where code_hash = any(cast(:hashes as text[]))",
                                VoucherEligibility.class)
                        .setParameter("hashes", codeHashes.toArray(String[]::new))
                        .getResultList()
                        .chain(vouchers -> labels.factsOf(session, places).chain(facts -> {
                            Map<String, VoucherEligibility> byHash = new HashMap<>();
                            vouchers.forEach(voucher -> byHash.put(voucher.codeHash, voucher));
                            List<Decided<RedemptionState, RedemptionEvent>> results = new ArrayList<>();
                            List<StreamCommand<RedemptionCommand>> commands = new ArrayList<>();
                            List<Integer> decidedHere = new ArrayList<>();
                            for (int i = 0; i < requests.size(); i++) {
                                RedeemRequest request = requests.get(i);
                                VoucherEligibility voucher = byHash.get(codeHashes.get(i));
                                RuntimeException throttle = throttled.get(request.structureId());
                                if (throttle != null || voucher == null) {
                                    results.add(Decided.refused(throttle != null ? throttle
                                            : Redemption.unknownVoucher()));
                                } else {
                                    results.add(null); // decided below, with the group
                                    decidedHere.add(i);
                                    commands.add(new StreamCommand<>(voucher.voucherId.toString(), new RedeemVoucher(
                                            request.redemptionId(), voucher.facts(), facts.get(request.structureId()),
                                            request.service(), request.sessionReference(), request.staffMember()),
                                            metadata.get(i)));
                                }
                            }
                            return handler.handleAll(session, redemption, RedemptionEvent.class, commands)
                                    .map(decided -> {
                                        for (int j = 0; j < decided.size(); j++) {
                                            results.set(decidedHere.get(j), decided.get(j));
                                        }
                                        return results;
                                    });
                        })));
    }

    /** The same rules as {@link #redeem}, on the same facts, without writing: the event redeeming would record. */
    public Uni<VoucherRedeemed> validate(Mutiny.Session session, RedeemRequest request) {
        return command(session, request).chain(command -> handler.state(session, command.voucherId().toString(),
                        redemption, RedemptionEvent.class)
                .map(state -> (VoucherRedeemed) redemption.decide(command, state).get(0)));
    }

    /** Decided from the voucher's stream: the redemption is found in the event store, not in a read model. */
    public Uni<RedemptionReversed> reverse(Mutiny.Session session, ReverseRequest request, EventMetadata metadata) {
        return redeemed.find(session, request.redemptionId()).chain(found -> {
            if (found == null) {
                throw Refusal.notFound("redemption", request.redemptionId());
            }
            if (!request.byOperator() && !found.structureId().equals(request.placeId())) {
                throw Refusal.forbidden("This belongs to another party.");
            }
            return session.find(ReimbursedRedemption.class, request.redemptionId()).chain(reimbursed -> {
                var command = new ReverseRedemption(found.voucherId(), request.redemptionId(), request.byOperator(),
                        request.placeId(), request.actor(), request.reason(), reimbursed != null);
                return handler.handle(session, found.voucherId().toString(), redemption, RedemptionEvent.class,
                        command, metadata);
            });
        }).map(decision -> (RedemptionReversed) decision.events().get(0));
    }

    /**
     * Runs a validation or redemption attempt (each in its own transaction) and tells a refusal that rests on a
     * fact still in flight apart from a definitive one. While the topic that would bring the fact is not fully
     * applied, an unknown code is "not yet known" and a voucher not activated, not handed out or a place not
     * labelled is the same refusal made retryable (409 with Retry-After); once caught up, the refusal stands, and
     * an unknown code (404) is counted against the place for code-guessing throttling.
     */
    public <T> Uni<T> guarded(UUID place, Supplier<Uni<T>> attempt) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().<T>deferred(attempt::get).onFailure(failure -> inFlightTopic(failure) != null)
                .recoverWithUni(refusal -> {
                    Refusal problem = Refusal.in(refusal);
                    Uni<Long> behind = Uni.createFrom().item(() -> positions.behind(inFlightTopic(problem)))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                    if (context != null) {
                        behind = behind.emitOn(task -> context.runOnContext(ignored -> task.run()));
                    }
                    boolean unknown = Redemption.UNKNOWN_VOUCHER.equals(problem.code());
                    return behind.chain(records -> {
                        if (records > 0) {
                            return Uni.createFrom().failure(unknown ? Redemption.notYetKnown(retryAfterSeconds)
                                    : Redemption.mayStillArrive(problem, retryAfterSeconds));
                        }
                        return unknown ? guard.recordUnknown(place).chain(() -> Uni.createFrom().<T>failure(refusal))
                                : Uni.createFrom().failure(refusal);
                    });
                });
    }

    /** The topic whose facts could still overturn this refusal, or null for a refusal that stands as it is. */
    private static String inFlightTopic(Throwable failure) {
        Refusal problem = Refusal.in(failure);
        if (problem == null || problem.isRetryable()) {
            return null;
        }
        return switch (problem.code()) {
            case Redemption.UNKNOWN_VOUCHER, Redemption.VOUCHER_NOT_ACTIVATED, Redemption.VOUCHER_NOT_DISTRIBUTED ->
                    Topics.VOUCHERS;
            case Redemption.STRUCTURE_NOT_LABELLED -> Topics.STRUCTURES;
            default -> null;
        };
    }

    private Uni<RedemptionCommand> command(Mutiny.Session session, RedeemRequest request) {
        String codeHash = VoucherCodes.hash(request.code());
        return guard.check(session, request.structureId())
                .chain(() -> session.createQuery("from VoucherEligibility where codeHash = :codeHash",
                                VoucherEligibility.class)
                        .setParameter("codeHash", codeHash)
                        .getSingleResultOrNull())
                .chain(voucher -> {
                    if (voucher == null) {
                        throw Redemption.unknownVoucher();
                    }
                    return labels.facts(session, request.structureId()).map(place -> new RedeemVoucher(
                            request.redemptionId(), voucher.facts(), place, request.service(),
                            request.sessionReference(), request.staffMember()));
                });
    }
}
