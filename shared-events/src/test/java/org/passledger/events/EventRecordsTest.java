package org.passledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.ProgrammeEvent.BooksOrdered;
import org.passledger.events.StructureEvent.LabelApplied;
import org.passledger.events.values.GeoPoint;

class EventRecordsTest {

    @Test
    void aRecord_keepsItsOwnCopyOfAList() {
        List<String> services = new ArrayList<>(List.of("atelier-collectif"));
        LabelApplied applied = new LabelApplied(UUID.randomUUID(), UUID.randomUUID(), services, Instant.EPOCH);

        services.add("accompagnement-individuel");

        assertThat(applied.services()).containsExactly("atelier-collectif");
        assertThatThrownBy(() -> applied.services().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRecord_rejectsAMissingMandatoryField_namingIt() {
        assertThatThrownBy(() -> new LabelApplied(UUID.randomUUID(), null, List.of(), Instant.EPOCH))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("applicationId");
    }

    @Test
    void anOrder_needsAtLeastOneBook() {
        assertThatThrownBy(() -> new BooksOrdered(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                0, 10, 0, 1000, 0, 0, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("books");
    }

    @Test
    void aGeoPoint_staysOnEarth() {
        assertThatThrownBy(() -> new GeoPoint(91, 4.27)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(43.69, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new GeoPoint(43.6949, 4.2769).latitude()).isEqualTo(43.6949);
    }
}
