package org.passledger.kernel.command;

import java.util.List;

/** What a command did to a stream: the events it appended, the state they lead to and the new version. */
public record Decision<S, E>(String streamId, List<E> events, S state, long version) {
}
