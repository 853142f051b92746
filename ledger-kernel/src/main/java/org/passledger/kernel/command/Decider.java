package org.passledger.kernel.command;

import java.util.List;

/**
 * An aggregate as two pure functions: {@code decide} turns a command and the current state into new
 * events (or refuses with a {@link org.passledger.kernel.domain.Refusal}), {@code evolve} folds one event into the state.
 */
public interface Decider<C, S, E> {

    S initialState();

    S evolve(S state, E event);

    List<E> decide(C command, S state);

    default S fold(List<? extends E> events) {
        S state = initialState();
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
