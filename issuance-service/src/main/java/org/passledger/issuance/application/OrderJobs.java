package org.passledger.issuance.application;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.passledger.events.ProgrammeEvent.BooksOrdered;
import org.passledger.issuance.domain.ProgrammeCommand.OrderBooks;
import org.passledger.issuance.domain.ProgrammeState;
import org.passledger.kernel.command.Transactions;
import org.passledger.kernel.domain.Refusal;
import org.passledger.kernel.store.EventMetadata;
import org.passledger.kernel.store.SqlTime;

/**
 * Large orders. Accepting one records {@code programme.books-ordered.v1} on the programme's stream at the
 * version read (the budget is reserved there, with the same guarantee as a small order) together with a job
 * row; the worker then issues the books in chunks, each chunk in a transaction of its own that also moves the
 * job's progress, so a crash loses at most the chunk in flight and the next run carries on. A chunk that fails
 * is tried again on the next runs; after {@code issuance.order-jobs.max-attempts} failures in a row the job
 * goes FAILED (shown on its status resource) until an operator retries it. Once every voucher is issued, the
 * job prints the order's books into stored PDF parts ({@link OrderPrinting}), after activating them if the
 * order was funded meanwhile.
 */
@ApplicationScoped
public class OrderJobs {

    public static final String PENDING = "PENDING";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    /** A chunk failed {@code issuance.order-jobs.max-attempts} times in a row: the job waits for the operator. */
    public static final String FAILED = "FAILED";
    private static final Logger LOG = Logger.getLogger(OrderJobs.class);

    private final Transactions transactions;
    private final ProgrammeService programmes;
    private final Clock clock;
    private final int chunkVouchers;
    private final int maxAttempts;
    private final OrderPrinting printing;

    public OrderJobs(Transactions transactions, ProgrammeService programmes, OrderPrinting printing, Clock clock,
                     @ConfigProperty(name = "issuance.order-jobs.chunk-vouchers", defaultValue = "1000")
                     int chunkVouchers,
                     @ConfigProperty(name = "issuance.order-jobs.max-attempts", defaultValue = "5") int maxAttempts) {
        this.transactions = transactions;
        this.programmes = programmes;
        this.clock = clock;
        this.chunkVouchers = chunkVouchers;
        this.maxAttempts = maxAttempts;
        this.printing = printing;
    }

    /**
     * {@code attempts} counts the failed attempts at the job's current chunk (back to 0 after a chunk is done);
     * {@code error} tells the last failure.
     */
    public record Job(UUID jobId, UUID programmeId, UUID orderId, UUID funderId, int books, int bookSize,
                      int voucherCount, int booksIssued, String status, String error, Instant createdAt,
                      Instant updatedAt, Instant finishedAt, String activationStatus, int vouchersActivated,
                      String paymentOrderReference, int attempts, Instant failedAt, String printStatus,
                      int booksPrinted) {

        public int vouchersIssued() {
            return booksIssued * bookSize;
        }
    }

    /** Reserves the budget and records the job, in the caller's transaction. */
    public Uni<Job> accept(Mutiny.Session session, UUID jobId, OrderBooks command, EventMetadata metadata) {
        return programmes.reserve(session, command, metadata).chain(ordered -> {
            Instant now = clock.instant();
            return session.createNativeQuery("""
                            insert into order_jobs (job_id, programme_id, order_id, funder_id, books, book_size,
                                                    voucher_count, books_issued, status, actor, correlation_id,
                                                    created_at, updated_at)
                            values (cast(:job as uuid), cast(:p as uuid), cast(:o as uuid), cast(:f as uuid), :books,
                                    :size, :count, 0, 'PENDING', :actor, cast(:corr as uuid), :at, :at)""")
                    .setParameter("job", jobId.toString())
                    .setParameter("p", ordered.programmeId().toString())
                    .setParameter("o", ordered.orderId().toString())
                    .setParameter("f", ordered.funderId().toString())
                    .setParameter("books", ordered.books())
                    .setParameter("size", ordered.bookSize())
                    .setParameter("count", ordered.voucherCount())
                    .setParameter("actor", metadata.actor())
                    .setParameter("corr", metadata.correlationId().toString())
                    .setParameter("at", now.atOffset(ZoneOffset.UTC))
                    .executeUpdate()
                    .replaceWith(new Job(jobId, ordered.programmeId(), ordered.orderId(), ordered.funderId(),
                            ordered.books(), ordered.bookSize(), ordered.voucherCount(), 0, PENDING, null, now, now,
                            null, null, 0, null, 0, null, null, 0));
        });
    }

    private static final String SELECT = """
            select cast(job_id as text), cast(programme_id as text), cast(order_id as text), cast(funder_id as text),
                   books, book_size, voucher_count, books_issued, status, error, actor, cast(correlation_id as text),
            """ + SqlTime.micros("created_at") + ", " + SqlTime.micros("updated_at") + ", "
            + SqlTime.micros("finished_at") + ", activation_status, vouchers_activated, payment_order_reference, "
            + "attempts, " + SqlTime.micros("failed_at") + ", print_status, books_printed from order_jobs ";

    /** The job of a large order, or null for an order placed in one request. */
    public Uni<Job> ofOrder(Mutiny.Session session, UUID orderId) {
        return session.createNativeQuery(SELECT + "where order_id = cast(:o as uuid)", Object[].class)
                .setParameter("o", orderId.toString())
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : toJob(rows.get(0)));
    }

    public Uni<Job> find(Mutiny.Session session, UUID jobId) {
        return session.createNativeQuery(SELECT + "where job_id = cast(:job as uuid)", Object[].class)
                .setParameter("job", jobId.toString())
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : toJob(rows.get(0)));
    }

    @Scheduled(identity = "order-jobs", every = "${issuance.order-jobs.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runPending().replaceWithVoid();
    }

    /** Issues chunks of pending jobs until none is left; answers the number of chunks done. */
    public Uni<Integer> runPending() {
        return runPending(0);
    }

    private Uni<Integer> runPending(int done) {
        AtomicReference<Job> taken = new AtomicReference<>();
        return transactions.write(session -> runOneChunk(session, taken))
                .onFailure().call(failure -> taken.get() == null ? Uni.createFrom().voidItem()
                        : recordFailure(taken.get(), failure))
                .onFailure().recoverWithItem(false)
                .chain(worked -> worked ? runPending(done + 1) : Uni.createFrom().item(done));
    }

    /**
     * Counts a failed attempt at the job's current chunk, in a transaction of its own (the chunk's was rolled
     * back); after {@code maxAttempts} in a row the job (or its activation) goes FAILED and is no longer taken.
     */
    private Uni<Void> recordFailure(Job job, Throwable failure) {
        boolean last = job.attempts() + 1 >= maxAttempts;
        if (last) {
            LOG.errorf(failure, "Order job %s failed %d times in a row: it is FAILED until an operator retries it",
                    job.jobId(), job.attempts() + 1);
        } else {
            LOG.warnf(failure, "An attempt at order job %s failed (%d of %d); it is tried again on the next run",
                    job.jobId(), job.attempts() + 1, maxAttempts);
        }
        return transactions.write(session -> session.createNativeQuery("""
                                update order_jobs
                                set attempts = attempts + 1, error = :error, updated_at = :at,
                                    status = case when :last and status <> 'DONE' then 'FAILED' else status end,
                                    activation_status = case when :last and status = 'DONE'
                                                                  and activation_status in ('PENDING', 'RUNNING')
                                                             then 'FAILED' else activation_status end,
                                    print_status = case when :last and status = 'DONE'
                                                             and coalesce(activation_status, 'DONE') = 'DONE'
                                                        then 'FAILED' else print_status end,
                                    failed_at = case when :last then cast(:at as timestamptz) else failed_at end
                                where job_id = cast(:job as uuid)""")
                        .setParameter("error", describe(failure))
                        .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                        .setParameter("last", last)
                        .setParameter("job", job.jobId().toString())
                        .executeUpdate())
                .onFailure().invoke(e -> LOG.warn("Could not record the failed attempt of an order job", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** What went wrong, for the job's status resource: the innermost message, short, never a stack trace. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "unexpected failure" : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    /**
     * Puts a FAILED job (or its FAILED activation) back in the queue, attempts at 0, from the chunk that failed.
     * Refused with 409 {@code job-not-failed} when nothing failed.
     */
    public Uni<Job> retry(Mutiny.Session session, Job job) {
        if (!FAILED.equals(job.status()) && !FAILED.equals(job.activationStatus())
                && !FAILED.equals(job.printStatus())) {
            return Uni.createFrom().failure(Refusal.rule("job-not-failed", "This job is "
                    + job.status().toLowerCase() + ": only a failed job is retried."));
        }
        return session.createNativeQuery("""
                        update order_jobs
                        set attempts = 0, error = null, failed_at = null, updated_at = :at,
                            status = case when status = 'FAILED' then
                                              case when books_issued > 0 then 'RUNNING' else 'PENDING' end
                                          else status end,
                            activation_status = case when activation_status = 'FAILED' then 'RUNNING'
                                                     else activation_status end,
                            print_status = case when print_status = 'FAILED' then 'RUNNING' else print_status end
                        where job_id = cast(:job as uuid)""")
                .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                .setParameter("job", job.jobId().toString())
                .executeUpdate()
                .chain(() -> find(session, job.jobId()));
    }

    /** Takes the oldest unfinished job (skipping one another worker holds) and issues one chunk of it. */
    private Uni<Boolean> runOneChunk(Mutiny.Session session, AtomicReference<Job> taken) {
        return session.createNativeQuery(SELECT + """
                        where status in ('PENDING', 'RUNNING') or activation_status in ('PENDING', 'RUNNING')
                           or print_status in ('PENDING', 'RUNNING')
                        order by created_at limit 1
                        for update skip locked""", Object[].class)
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    Object[] row = rows.get(0);
                    Job job = toJob(row);
                    taken.set(job);
                    EventMetadata metadata = new EventMetadata(UUID.fromString((String) row[11]), null,
                            (String) row[10]);
                    if (DONE.equals(job.status()) && isPending(job.activationStatus())) {
                        return activateChunk(session, job, metadata).replaceWith(true);
                    }
                    if (DONE.equals(job.status())) {
                        return printing.printPart(session, job).replaceWith(true);
                    }
                    int books = Math.min(job.books() - job.booksIssued(), Math.max(1, chunkVouchers / job.bookSize()));
                    return programmes.state(session, job.programmeId())
                            .chain(state -> programmes.issueBooks(session, ordered(job, state), books, metadata))
                            .chain(printed -> progress(session, job, books))
                            .replaceWith(true);
                });
    }

    /** Activates the next chunk of a funded large order, in voucher id order, and moves the job's progress. */
    private Uni<Integer> activateChunk(Mutiny.Session session, Job job, EventMetadata metadata) {
        // keyset: the chunk starts after the last voucher activated (an index range, whatever the order's size)
        return session.createNativeQuery("""
                        select cast(voucher_id as text) from voucher_codes
                        where order_id = cast(:o as uuid)
                          and voucher_id > coalesce((select last_activated_voucher_id from order_jobs
                                                     where job_id = cast(:job as uuid)),
                                                    cast('00000000-0000-0000-0000-000000000000' as uuid))
                        order by voucher_id limit :chunk""", String.class)
                .setParameter("o", job.orderId().toString())
                .setParameter("job", job.jobId().toString())
                .setParameter("chunk", chunkVouchers)
                .getResultList()
                .chain(ids -> programmes.activate(session, ids.stream().map(UUID::fromString).toList(),
                                job.paymentOrderReference(), metadata)
                        .chain(activated -> {
                            int done = job.vouchersActivated() + ids.size();
                            return session.createNativeQuery("""
                                            update order_jobs set vouchers_activated = :done, activation_status = :status,
                                                   updated_at = :at, attempts = 0, error = null,
                                                   last_activated_voucher_id = coalesce(cast(nullif(:last, '') as uuid),
                                                                                        last_activated_voucher_id)
                                            where job_id = cast(:job as uuid)""")
                                    .setParameter("done", done)
                                    .setParameter("last", ids.isEmpty() ? "" : ids.get(ids.size() - 1))
                                    .setParameter("status", ids.isEmpty() || done >= job.voucherCount() ? DONE : RUNNING)
                                    .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                                    .setParameter("job", job.jobId().toString())
                                    .executeUpdate();
                        }));
    }

    private static BooksOrdered ordered(Job job, ProgrammeState state) {
        ProgrammeState.Order order = state.orders().get(job.orderId());
        return new BooksOrdered(job.programmeId(), job.orderId(), job.funderId(), order.books(), job.bookSize(),
                order.voucherCount(), state.faceValueCents(), order.amountCents(), order.feeCents(), job.createdAt());
    }

    private Uni<Integer> progress(Mutiny.Session session, Job job, int books) {
        int issued = job.booksIssued() + books;
        boolean finished = issued >= job.books();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return session.createNativeQuery("""
                        update order_jobs set books_issued = :issued, status = :status, updated_at = :at,
                               print_status = case when :finished then 'PENDING' else null end,
                               attempts = 0, error = null,
                               finished_at = case when :finished then cast(:at as timestamptz) else null end
                        where job_id = cast(:job as uuid)""")
                .setParameter("issued", issued)
                .setParameter("status", finished ? DONE : RUNNING)
                .setParameter("finished", finished)
                .setParameter("at", now)
                .setParameter("job", job.jobId().toString())
                .executeUpdate();
    }

    private static Job toJob(Object[] row) {
        return new Job(UUID.fromString((String) row[0]), UUID.fromString((String) row[1]),
                UUID.fromString((String) row[2]), UUID.fromString((String) row[3]), ((Number) row[4]).intValue(),
                ((Number) row[5]).intValue(), ((Number) row[6]).intValue(), ((Number) row[7]).intValue(),
                (String) row[8], (String) row[9], SqlTime.fromMicros(row[12]), SqlTime.fromMicros(row[13]),
                row[14] == null ? null : SqlTime.fromMicros(row[14]), (String) row[15],
                ((Number) row[16]).intValue(), (String) row[17], ((Number) row[18]).intValue(),
                row[19] == null ? null : SqlTime.fromMicros(row[19]), (String) row[20],
                ((Number) row[21]).intValue());
    }

    private static boolean isPending(String phase) {
        return PENDING.equals(phase) || RUNNING.equals(phase);
    }
}
