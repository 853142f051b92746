package org.passledger.system;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.passledger.testkit.KafkaBroker;
import org.passledger.testkit.TcpProxy;

/**
 * The faults, one after the other while the load runs: each service SIGKILLed and started again, two services
 * killed at once, redemption-service's connections to PostgreSQL slowed, cut and left half-open (through the
 * test kit's proxy), the Kafka broker stopped and started on its port. Each fault lasts until the clients have
 * felt it (requests left unanswered, or work acknowledged while it lasts), and the next one waits until the
 * partners are getting answers again.
 */
final class FaultSchedule {

    /** A fault as it happened: how long it lasted, and how long until the partners' work went on. */
    record Injected(String fault, Duration lasted, Duration backToWork) {
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Evidence counts up while a fault lasts; the fault is repaired once it grew by {@code enough}. */
    private record Fault(String name, Step inject, Step repair, LongSupplier evidence, long enough) {
    }

    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration FELT_WITHIN = Duration.ofSeconds(90);
    private static final Duration BACK_TO_WORK_WITHIN = Duration.ofMinutes(3);
    private static final long SUCCESSES_AFTER_REPAIR = 10;
    private static final Duration LATENCY = Duration.ofMillis(300);

    private final LedgerStack stack;
    private final Partner partner;
    private final ChaosLoad load;

    FaultSchedule(LedgerStack stack, Partner partner, ChaosLoad load) {
        this.stack = stack;
        this.partner = partner;
        this.load = load;
    }

    List<Injected> run(int rounds, Consumer<String> narrator) throws Exception {
        List<Injected> injected = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (Fault fault : faults()) {
                long evidenceBefore = fault.evidence().getAsLong();
                long started = System.nanoTime();
                fault.inject().run();
                await(fault.name() + ": felt by the clients").atMost(FELT_WITHIN).pollInterval(Duration.ofMillis(100))
                        .until(() -> fault.evidence().getAsLong() - evidenceBefore >= fault.enough());
                fault.repair().run();
                Duration lasted = Duration.ofNanos(System.nanoTime() - started);
                long successesBefore = partner.successes();
                long repaired = System.nanoTime();
                await(fault.name() + ": partners served again").atMost(BACK_TO_WORK_WITHIN)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> partner.successes() - successesBefore >= SUCCESSES_AFTER_REPAIR);
                Injected done = new Injected(fault.name(), lasted, Duration.ofNanos(System.nanoTime() - repaired));
                narrator.accept(String.format("chaos round %d: %-52s down %5.1f s, partners served again %5.1f s later",
                        round, done.fault(), seconds(done.lasted()), seconds(done.backToWork())));
                injected.add(done);
            }
        }
        return injected;
    }

    private List<Fault> faults() {
        List<Fault> faults = new ArrayList<>();
        for (String service : stack.serviceNames()) {
            // nothing calls settlement during the load: its fault is felt as redemptions it will have to catch up on
            LongSupplier evidence = service.equals("settlement-service") ? () -> load.redemptions.size()
                    : () -> partner.unanswered(service);
            faults.add(new Fault("SIGKILL " + service, () -> stack.service(service).kill(), () -> restart(service),
                    evidence, service.equals("settlement-service") ? 5 : 3));
        }
        faults.add(new Fault("SIGKILL issuance-service and redemption-service", () -> {
            stack.service("issuance-service").kill();
            stack.service("redemption-service").kill();
        }, () -> restart("issuance-service", "redemption-service"),
                () -> partner.unanswered("issuance-service") + partner.unanswered("redemption-service"), 3));
        TcpProxy toPostgres = stack.redemptionToPostgres();
        faults.add(new Fault("300 ms latency, redemption-service to PostgreSQL", () -> toPostgres.latency(LATENCY),
                toPostgres::pass, partner::successes, 5));
        // held for about 5 s: longer than a consumer's retries of a failed record, which must wait it out rather
        // than dead-letter good records
        faults.add(new Fault("redemption-service's PostgreSQL connections cut", toPostgres::cut, toPostgres::pass,
                () -> partner.unanswered("redemption-service"), Long.getLong("ledger.chaos.cut-requests", 100)));
        // held until requests time out: long enough for the connection pool to notice its connections are dead
        faults.add(new Fault("redemption-service's PostgreSQL connections half-open", toPostgres::halfOpen,
                toPostgres::pass, () -> partner.unanswered("redemption-service"), 3));
        if (KafkaBroker.inProcess()) {
            // commands need PostgreSQL only: work acknowledged while the broker is away waits in the outboxes
            faults.add(new Fault("Kafka broker stopped", KafkaBroker::stop, KafkaBroker::start,
                    partner::successes, 3));
        }
        return faults;
    }

    private void restart(String... services) throws Exception {
        for (String service : services) {
            stack.service(service).start();
        }
        for (String service : services) {
            stack.service(service).awaitReady(READY);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
