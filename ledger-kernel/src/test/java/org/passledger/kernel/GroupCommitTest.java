package org.passledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.command.GroupCommit;
import org.passledger.kernel.command.GroupCommit.Result;

/**
 * Group commit's bookkeeping on its own: every command is answered exactly once, by its group or alone; a busy
 * slot makes the next commands wait and go together; a failed group sends each of its commands alone.
 */
class GroupCommitTest {

    static Vertx vertx;

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void close() {
        vertx.close();
    }

    /** A group that answers "g:" + command after a short delay, remembering the groups it was given. */
    static final class Groups implements Function<List<Integer>, Uni<List<Result<String>>>> {
        final List<List<Integer>> seen = new CopyOnWriteArrayList<>();
        boolean fail;
        int runAloneFrom = Integer.MAX_VALUE;

        @Override
        public Uni<List<Result<String>>> apply(List<Integer> commands) {
            seen.add(commands);
            if (fail) {
                return Uni.createFrom().failure(new IllegalStateException("the database went away"));
            }
            List<Result<String>> results = new ArrayList<>();
            for (Integer command : commands) {
                results.add(command >= runAloneFrom ? Result.runAlone()
                        : command % 7 == 0 ? Result.refused(new IllegalArgumentException("refused " + command))
                        : Result.answered("g:" + command));
            }
            return Uni.createFrom().item(results).onItem().delayIt().by(Duration.ofMillis(5));
        }
    }

    static final List<Integer> alone = Collections.synchronizedList(new ArrayList<>());

    static Uni<String> alone(Integer command) {
        alone.add(command);
        return Uni.createFrom().item("a:" + command).onItem().delayIt().by(Duration.ofMillis(20));
    }

    @Test
    void commandsArrivingWhileTheSlotIsBusy_goTogether_andEachGetsItsOwnAnswer() throws Exception {
        Groups groups = new Groups();
        GroupCommit<Integer, String> commit = new GroupCommit<>(vertx, new SimpleMeterRegistry(), "test", 16, 1,
                groups, GroupCommitTest::alone);
        List<String> answers = submitAll(commit, 1, 40);

        for (int i = 1; i <= 40; i++) {
            String answer = answers.get(i - 1);
            if (answer.startsWith("g:") || answer.startsWith("a:")) {
                assertThat(answer).endsWith(":" + i);
            } else {
                assertThat(i % 7).as("refused only by the rules").isZero();
                assertThat(answer).isEqualTo("refused " + i);
            }
        }
        assertThat(groups.seen).isNotEmpty().allSatisfy(group -> assertThat(group).hasSizeBetween(2, 16));
        List<Integer> everyCommand = new ArrayList<>();
        groups.seen.forEach(everyCommand::addAll);
        everyCommand.addAll(alone.stream().filter(c -> c <= 40).toList());
        assertThat(everyCommand).as("each command decided once, alone or in one group").hasSize(40)
                .doesNotHaveDuplicates();
    }

    @Test
    void aFailedGroup_sendsEachOfItsCommandsAlone() throws Exception {
        Groups groups = new Groups();
        groups.fail = true;
        GroupCommit<Integer, String> commit = new GroupCommit<>(vertx, new SimpleMeterRegistry(), "test", 16, 1,
                groups, GroupCommitTest::alone);
        List<String> answers = submitAll(commit, 101, 130);

        assertThat(groups.seen).isNotEmpty();
        assertThat(answers).allSatisfy(answer -> assertThat(answer).startsWith("a:"));
    }

    @Test
    void aCommandTheGroupCannotTake_runsAloneAfterIt() throws Exception {
        Groups groups = new Groups();
        groups.runAloneFrom = 215;
        GroupCommit<Integer, String> commit = new GroupCommit<>(vertx, new SimpleMeterRegistry(), "test", 64, 1,
                groups, GroupCommitTest::alone);
        List<String> answers = submitAll(commit, 201, 230);

        for (int i = 215; i <= 230; i++) {
            assertThat(answers.get(i - 201)).isEqualTo("a:" + i);
        }
    }

    /** Submits the commands from, to (inclusive) at once from Vert.x's event loop, answers in order. */
    private static List<String> submitAll(GroupCommit<Integer, String> commit, int from, int to) throws Exception {
        List<CompletableFuture<String>> answers = IntStream.rangeClosed(from, to)
                .mapToObj(i -> new CompletableFuture<String>()).toList();
        vertx.runOnContext(ignored -> {
            for (int i = from; i <= to; i++) {
                CompletableFuture<String> answer = answers.get(i - from);
                commit.submit(i).subscribe().with(answer::complete, failure -> answer.complete(failure.getMessage()));
            }
        });
        List<String> result = new ArrayList<>();
        for (CompletableFuture<String> answer : answers) {
            result.add(answer.get(10, TimeUnit.SECONDS));
        }
        return result;
    }
}
