package org.passledger.settlement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.passledger.kernel.command.Decider;
import org.passledger.kernel.domain.Refusal;

/** given(events).when(command).then(events) / thenRejectedWith(code), for any decider. */
final class DeciderSpec<C, S, E> {

    private final Decider<C, S, E> decider;
    private List<E> history = List.of();
    private C command;

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

    DeciderSpec<C, S, E> when(C command) {
        this.command = command;
        return this;
    }

    @SafeVarargs
    final void then(E... expected) {
        assertThat(decider.decide(command, decider.fold(history))).containsExactly(expected);
    }

    void thenRejectedWith(String code) {
        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> decider.decide(command, decider.fold(history)));
        assertThat(refusal).as("refusal of %s", command).isNotNull();
        assertThat(refusal.code()).isEqualTo(code);
    }

    /** The state the history and the accepted command lead to. */
    S stateAfter() {
        S state = decider.fold(history);
        for (E event : decider.decide(command, state)) {
            state = decider.evolve(state, event);
        }
        return state;
    }
}
