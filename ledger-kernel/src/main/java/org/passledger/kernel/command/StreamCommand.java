package org.passledger.kernel.command;

import org.passledger.kernel.store.EventMetadata;

/** One command of a group decided together, with the stream it is about and the request that sent it. */
public record StreamCommand<C>(String streamId, C command, EventMetadata metadata) {
}
