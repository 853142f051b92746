package org.passledger.labelling.projection;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: {@code page} counts from 1; {@code total} is the number of items on every page together. */
@Schema(name = "Page")
public record Page<T>(@Schema(example = "1") int page, @Schema(example = "50") int size,
                      @Schema(example = "1234") long total, List<T> items) {
}
