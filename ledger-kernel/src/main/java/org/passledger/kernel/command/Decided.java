package org.passledger.kernel.command;

/**
 * What one command of a group came to: a decision, a refusal by the rules, or "decide alone" when it cannot share
 * the group's statement (a second command with events for a stream the group already appends to).
 */
public record Decided<S, E>(Decision<S, E> decision, RuntimeException refusal, boolean alone) {

    public static <S, E> Decided<S, E> accepted(Decision<S, E> decision) {
        return new Decided<>(decision, null, false);
    }

    public static <S, E> Decided<S, E> refused(RuntimeException refusal) {
        return new Decided<>(null, refusal, false);
    }

    public static <S, E> Decided<S, E> decideAlone() {
        return new Decided<>(null, null, true);
    }
}
