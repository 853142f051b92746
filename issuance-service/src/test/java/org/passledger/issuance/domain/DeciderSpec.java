package org.passledger.issuance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.passledger.kernel.command.Decider;
import org.passledger.kernel.domain.Refusal;

/** given(past events).when(command).then(new events) or .thenRejectedWith(code), for any decider. */
final class DeciderSpec<C, S, E> {

    private final Decider<C, S, E> decider;
    private List<E> history = List.of();

    private DeciderSpec(Decider<C, S, E> decider) {
        this.decider = decider;
    }

    static <C, S, E> DeciderSpec<C, S, E> of(Decider<C, S, E> decider) {
        return new DeciderSpec<>(decider);
    }

    @SafeVarargs
    final DeciderSpec<C, S, E> given(E... events) {
        history = List.of(events);
        return this;
    }

    When when(C command) {
        return new When(command);
    }

    final class When {

        private final C command;

        private When(C command) {
            this.command = command;
        }

        @SafeVarargs
        final S then(E... expected) {
            List<E> decided = decider.decide(command, decider.fold(history));
            assertThat(decided).containsExactly(expected);
            S state = decider.fold(history);
            for (E event : decided) {
                state = decider.evolve(state, event);
            }
            return state;
        }

        Refusal thenRejectedWith(Refusal.Kind kind, String code) {
            S state = decider.fold(history);
            Throwable thrown = catchThrowable(() -> decider.decide(command, state));
            assertThat(thrown).as("refusal").isInstanceOf(Refusal.class);
            Refusal problem = (Refusal) thrown;
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.kind()).as("kind of " + code).isEqualTo(kind);
            return problem;
        }
    }
}
