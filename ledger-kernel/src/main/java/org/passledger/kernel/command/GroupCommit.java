package org.passledger.kernel.command;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Group commit: commands that arrive while the database is busy share one transaction, so one commit (and one
 * fsync) answers many requests. At most {@code maxInFlight} groups run at once; a command that finds a free slot
 * runs at once and alone, exactly as without grouping, so a quiet service adds no wait. Commands arriving while
 * every slot is taken queue up, and the next free slot takes up to {@code maxGroup} of them together.
 *
 * <p>The group is an optimisation, never a second set of rules: a command the group cannot decide the same way
 * it would alone, and every command of a group whose transaction fails, is run alone after it. Each command is
 * answered on the Vert.x context of the request that sent it.
 *
 * @param <J> a command with what is needed to answer it
 * @param <T> the answer
 */
public final class GroupCommit<J, T> {

    /** What became of one command in its group: answered, refused, or to be run alone. */
    public record Result<T>(T answer, Throwable refusal, boolean alone) {

        public static <T> Result<T> answered(T answer) {
            return new Result<>(answer, null, false);
        }

        public static <T> Result<T> refused(Throwable refusal) {
            return new Result<>(null, refusal, false);
        }

        public static <T> Result<T> runAlone() {
            return new Result<>(null, null, true);
        }
    }

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    private record Waiting<J, T>(J command, UniEmitter<? super T> answer, Context context) {
    }

    private final Vertx vertx;
    private final Counter grouped;
    private final Counter alone;
    private final int maxGroup;
    private final int maxInFlight;
    private final Function<List<J>, Uni<List<Result<T>>>> group;
    private final Function<J, Uni<T>> runAlone;
    private final ArrayDeque<Waiting<J, T>> queue = new ArrayDeque<>();
    private int inFlight;

    /**
     * @param name  names the commands in the metric {@code ledger.group-commit.commands} (tag {@code mode}:
     *              grouped, when answered by a group, or alone)
     * @param group runs many commands in one transaction and answers one result per command, in order
     * @param alone runs one command in a transaction of its own
     */
    public GroupCommit(Vertx vertx, MeterRegistry meters, String name, int maxGroup, int maxInFlight,
                       Function<List<J>, Uni<List<Result<T>>>> group, Function<J, Uni<T>> alone) {
        if (maxGroup < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("a group holds at least one command and one group runs at least");
        }
        this.vertx = vertx;
        this.grouped = commands(meters, name, "grouped");
        this.alone = commands(meters, name, "alone");
        this.maxGroup = maxGroup;
        this.maxInFlight = maxInFlight;
        this.group = group;
        this.runAlone = alone;
    }

    private static Counter commands(MeterRegistry meters, String name, String mode) {
        return Counter.builder("ledger.group-commit.commands").tag("command", name).tag("mode", mode)
                .description("Commands answered by a shared transaction (grouped) or by one of their own (alone)")
                .register(meters);
    }

    public Uni<T> submit(J command) {
        return Uni.createFrom().emitter(answer -> {
            synchronized (queue) {
                queue.add(new Waiting<>(command, answer, Vertx.currentContext()));
            }
            startGroups();
        });
    }

    private void startGroups() {
        while (true) {
            List<Waiting<J, T>> next = new ArrayList<>();
            synchronized (queue) {
                if (inFlight >= maxInFlight || queue.isEmpty()) {
                    return;
                }
                inFlight++;
                while (next.size() < maxGroup && !queue.isEmpty()) {
                    next.add(queue.poll());
                }
            }
            if (next.size() == 1) {
                Waiting<J, T> only = next.get(0);
                runAlone(only, this::finished);
            } else {
                runGroup(next);
            }
        }
    }

    private void finished() {
        synchronized (queue) {
            inFlight--;
        }
        startGroups();
    }

    private void runGroup(List<Waiting<J, T>> waiting) {
        // a context of its own: the group's database session is not any request's
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom()
                .deferred(() -> group.apply(waiting.stream().map(Waiting::command).toList()))
                .invoke(results -> {
                    if (results.size() != waiting.size()) {
                        throw new IllegalStateException(results.size() + " results for a group of " + waiting.size());
                    }
                })
                .subscribe().with(results -> {
                    finished();
                    for (int i = 0; i < waiting.size(); i++) {
                        answer(waiting.get(i), results.get(i));
                    }
                }, failure -> {
                    LOG.debugf("group of %d commands failed (%s); each runs alone", waiting.size(), failure);
                    finished();
                    waiting.forEach(w -> runAlone(w, () -> { }));
                }));
    }

    private void answer(Waiting<J, T> waiting, Result<T> result) {
        if (result.alone()) {
            runAlone(waiting, () -> { });
            return;
        }
        grouped.increment();
        if (result.refusal() != null) {
            on(waiting, () -> waiting.answer().fail(result.refusal()));
        } else {
            on(waiting, () -> waiting.answer().complete(result.answer()));
        }
    }

    private void runAlone(Waiting<J, T> waiting, Runnable then) {
        alone.increment();
        on(waiting, () -> Uni.createFrom().deferred(() -> runAlone.apply(waiting.command())).subscribe().with(answer -> {
            then.run();
            waiting.answer().complete(answer);
        }, failure -> {
            then.run();
            waiting.answer().fail(failure);
        }));
    }

    private static void on(Waiting<?, ?> waiting, Runnable task) {
        if (waiting.context() == null) {
            task.run();
        } else {
            waiting.context().runOnContext(ignored -> task.run());
        }
    }
}
