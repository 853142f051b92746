package org.passledger.redemption.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.passledger.kernel.command.Decider;
import org.passledger.kernel.domain.Refusal;

/** given(past events).when(command).then(new events) or .thenRejectedWith(code), for any decider. */
final class DeciderSpec<C, S, E> {

    private final Decider<C, S, E> decider;
    private List<E> past = List.of();
    private C command;

    private DeciderSpec(Decider<C, S, E> decider) {
        this.decider = decider;
    }

    static <C, S, E> DeciderSpec<C, S, E> of(Decider<C, S, E> decider) {
        return new DeciderSpec<>(decider);
    }

    @SafeVarargs
    final DeciderSpec<C, S, E> given(E... events) {
        past = List.of(events);
        return this;
    }

    DeciderSpec<C, S, E> when(C command) {
        this.command = command;
        return this;
    }

    @SafeVarargs
    final void then(E... expected) {
        assertThat(decider.decide(command, decider.fold(past))).containsExactly(expected);
    }

    /** Rejected with this code; returns the problem for further checks. */
    Refusal thenRejectedWith(String code) {
        Refusal problem = catchThrowableOfType(Refusal.class,
                () -> decider.decide(command, decider.fold(past)));
        assertThat(problem).as("a refusal with code %s", code).isNotNull();
        assertThat(problem.code()).isEqualTo(code);
        return problem;
    }
}
