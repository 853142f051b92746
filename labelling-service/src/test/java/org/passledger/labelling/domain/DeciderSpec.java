package org.passledger.labelling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.passledger.events.StructureEvent;
import org.passledger.kernel.domain.Refusal;

/** given(past events).when(command).then(new events) or .thenRejectedWith(status, code). */
final class DeciderSpec {

    private final Structure decider;
    private final List<StructureEvent> past;
    private StructureCommand command;

    private DeciderSpec(Structure decider, List<StructureEvent> past) {
        this.decider = decider;
        this.past = past;
    }

    static DeciderSpec given(Structure decider, StructureEvent... past) {
        return new DeciderSpec(decider, List.of(past));
    }

    DeciderSpec when(StructureCommand command) {
        this.command = command;
        return this;
    }

    void then(StructureEvent... expected) {
        assertThat(decider.decide(command, decider.fold(past))).containsExactly(expected);
    }

    List<StructureEvent> decided() {
        return decider.decide(command, decider.fold(past));
    }

    void thenRejectedWith(Refusal.Kind kind, String code) {
        Refusal problem = catchThrowableOfType(Refusal.class,
                () -> decider.decide(command, decider.fold(past)));
        assertThat(problem).as("refusal of " + command).isNotNull();
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.kind()).isEqualTo(kind);
    }
}
