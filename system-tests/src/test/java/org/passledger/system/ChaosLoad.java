package org.passledger.system;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.passledger.clients.issuance.api.VouchersApi;
import org.passledger.clients.issuance.model.DistributeVoucher;
import org.passledger.clients.issuance.model.PrintedVoucher;
import org.passledger.clients.labelling.model.Address;
import org.passledger.clients.labelling.model.RegisterStructure;
import org.passledger.clients.redemption.api.RedemptionsApi;
import org.passledger.clients.redemption.model.RedeemVoucher;
import org.passledger.clients.redemption.model.Redeemed;
import org.passledger.clients.redemption.model.ValidateVoucher;
import org.passledger.clients.redemption.model.Validation;
import org.passledger.system.Partner.Outcome;
import org.passledger.system.Partner.Reply;
import org.passledger.tools.journey.Clients;
import org.passledger.tools.journey.Sirets;

/**
 * The partners at work while the faults happen. Each worker takes a voucher from the distributor's stock, hands
 * it out, and has place A redeem it; every fourth voucher place B tries to redeem at the same moment, so that
 * at most one of the two may win. Every tenth voucher a new place registers. Records every definite answer.
 *
 * <p>A place scans a code before it redeems it, as its counter application does: redemption-service learns of a
 * hand-out from issuance's topic, and a redemption sent before the hand-out was published would be refused.
 */
final class ChaosLoad {

    record HandOut(PrintedVoucher voucher, int attempts) {
    }

    record Redemption(PrintedVoucher voucher, UUID place, UUID redemptionId, int attempts) {
    }

    record Refusal(String intent, String subject, PartnerFailure failure) {
    }

    /** Refusals of a validation that the facts on their way from issuance will lift. */
    private static final Set<String> STILL_ON_ITS_WAY = Set.of("voucher-not-yet-known", "voucher-not-activated",
            "voucher-not-distributed");

    private final Partner partner;
    private final Clients clients;
    private final ChaosParties parties;
    private final VoucherStock stock;
    private final VouchersApi distributor;
    private final RedemptionsApi atPlaceA;
    private final RedemptionsApi atPlaceB;

    final Queue<HandOut> handOuts = new ConcurrentLinkedQueue<>();
    final Queue<Redemption> redemptions = new ConcurrentLinkedQueue<>();
    final Queue<UUID> registrations = new ConcurrentLinkedQueue<>();
    final Queue<Refusal> refusals = new ConcurrentLinkedQueue<>();
    final Set<String> contested = ConcurrentHashMap.newKeySet();
    final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    final AtomicLong undecided = new AtomicLong();
    final AtomicLong scans = new AtomicLong();

    private final AtomicLong taken = new AtomicLong();
    private final ExecutorService contenders = Executors.newCachedThreadPool();
    private ExecutorService workers;
    private volatile boolean running;

    ChaosLoad(Partner partner, Clients clients, ChaosParties parties, VoucherStock stock) {
        this.partner = partner;
        this.clients = clients;
        this.parties = parties;
        this.stock = stock;
        this.distributor = clients.vouchers("distributor", parties.distributor().toString());
        this.atPlaceA = clients.redemptions("structure", parties.placeA().toString());
        this.atPlaceB = clients.redemptions("structure", parties.placeB().toString());
    }

    void start(int workerCount) {
        running = true;
        workers = Executors.newFixedThreadPool(workerCount);
        for (int i = 0; i < workerCount; i++) {
            workers.submit(this::work);
        }
    }

    /** Lets every intent under way reach its definite answer, and starts no new one. */
    void stop() throws InterruptedException {
        running = false;
        workers.shutdown();
        if (!workers.awaitTermination(Partner.PATIENCE.toSeconds() * 3, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the load's workers did not finish their intents");
        }
        contenders.shutdown();
    }

    private void work() {
        while (running) {
            try {
                Optional<PrintedVoucher> next = stock.take();
                if (next.isEmpty()) {
                    return;
                }
                long number = taken.incrementAndGet();
                handOutAndRedeem(next.get(), number % 4 == 0);
                if (number % 10 == 0) {
                    registerAPlace();
                }
            } catch (ConditionTimeoutException noDefiniteAnswer) {
                undecided.incrementAndGet();
            } catch (Throwable unexpected) {
                errors.add(unexpected);
                return;
            }
        }
    }

    private void handOutAndRedeem(PrintedVoucher voucher, boolean contested) throws Exception {
        String key = ChaosParties.key();
        DistributeVoucher handOut = new DistributeVoucher().code(voucher.getCode()).ageBracket("60-74").postcode("30600");
        Outcome<?> handedOut = partner.untilDefinite("issuance-service", () -> {
            var answer = distributor.distributeVoucherWithHttpInfo(handOut, key);
            return Reply.of(answer.getData(), answer.getHeaders());
        });
        if (!handedOut.succeeded()) {
            refusals.add(new Refusal("hand-out", voucher.getCode(), handedOut.refusal()));
            return;
        }
        handOuts.add(new HandOut(voucher, handedOut.attempts()));
        if (!contested) {
            record(voucher, parties.placeA(), redeem(atPlaceA, voucher));
            return;
        }
        this.contested.add(voucher.getCode());
        CompletableFuture<Outcome<Redeemed>> atB = CompletableFuture.supplyAsync(() -> redeem(atPlaceB, voucher),
                contenders);
        Outcome<Redeemed> atA = redeem(atPlaceA, voucher);
        record(voucher, parties.placeA(), atA);
        record(voucher, parties.placeB(), atB.join());
    }

    private Outcome<Redeemed> redeem(RedemptionsApi counter, PrintedVoucher voucher) {
        scanUntilDecided(counter, voucher);
        String key = ChaosParties.key();
        RedeemVoucher request = new RedeemVoucher().code(voucher.getCode()).service(ChaosParties.SERVICE);
        return partner.untilDefinite("redemption-service", () -> {
            var answer = counter.redeemVoucherWithHttpInfo(key, request);
            return Reply.of(answer.getData(), answer.getHeaders());
        });
    }

    /** Validates (which writes nothing) until the voucher is redeemable here, or refused for a reason that stands. */
    private void scanUntilDecided(RedemptionsApi counter, PrintedVoucher voucher) {
        ValidateVoucher scan = new ValidateVoucher().code(voucher.getCode()).service(ChaosParties.SERVICE);
        await("voucher " + voucher.getCode() + " scanned").atMost(Partner.PATIENCE).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).until(() -> {
                    scans.incrementAndGet();
                    try {
                        Validation verdict = counter.validateVoucher(scan);
                        return verdict.getRedeemable() || !STILL_ON_ITS_WAY.contains(verdict.getCode());
                    } catch (org.passledger.clients.redemption.ApiException noVerdict) {
                        partner.noAnswerFrom("redemption-service");
                        return false;
                    }
                });
    }

    private void record(PrintedVoucher voucher, UUID place, Outcome<Redeemed> outcome) {
        if (outcome.succeeded()) {
            redemptions.add(new Redemption(voucher, place, outcome.body().getRedemptionId(), outcome.attempts()));
        } else {
            refusals.add(new Refusal("redemption", voucher.getCode(), outcome.refusal()));
        }
    }

    private void registerAPlace() {
        UUID place = UUID.randomUUID();
        var structures = clients.structures("structure", place.toString());
        String key = ChaosParties.key();
        RegisterStructure registration = new RegisterStructure().name("Tiers-lieu " + place.toString().substring(0, 6))
                .siret(Sirets.random()).legalForm("association").address(new Address().street("3 rue du Port")
                        .postcode("30220").commune("Aigues-Mortes").departement("30"));
        Outcome<?> registered = partner.untilDefinite("labelling-service", () -> {
            var answer = structures.registerStructureWithHttpInfo(registration, key);
            return Reply.of(answer.getData(), answer.getHeaders());
        });
        if (registered.succeeded()) {
            registrations.add(place);
        } else {
            refusals.add(new Refusal("registration", place.toString(), registered.refusal()));
        }
    }
}
