package org.passledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.StructureEvent.StructureRegistered;
import org.passledger.events.VoucherEvent.VoucherDistributed;
import org.passledger.events.VoucherEvent.VoucherExpired;

class EventJsonTest {

    private static final String REDEEMED = "voucher.redeemed.v1";

    @Test
    void read_rejectsInvalidJson_sayingSo() {
        assertThatThrownBy(() -> EventJson.read(REDEEMED, "{\"voucherId\": "))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(REDEEMED)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void read_rejectsTrailingGarbageAfterTheEvent() {
        assertThatThrownBy(() -> EventJson.read(REDEEMED, Contracts.goldenText(REDEEMED) + " {}"))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void read_rejectsAnEmptyOrNullPayload() {
        assertThatThrownBy(() -> EventJson.read(REDEEMED, "")).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("empty payload");
        assertThatThrownBy(() -> EventJson.read(REDEEMED, "null")).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("JSON null");
        assertThatThrownBy(() -> EventJson.read(REDEEMED, "[]")).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void read_rejectsAMissingMandatoryField_namingIt() {
        ObjectNode sample = (ObjectNode) Contracts.golden(REDEEMED);
        sample.remove("structureId");

        assertThatThrownBy(() -> EventJson.read(REDEEMED, sample.toString()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("Malformed voucher.redeemed.v1: missing mandatory field 'structureId'");
    }

    @Test
    void read_rejectsAMissingAmount_ratherThanReadingZero() {
        ObjectNode sample = (ObjectNode) Contracts.golden(REDEEMED);
        sample.remove("faceValueCents");

        assertThatThrownBy(() -> EventJson.read(REDEEMED, sample.toString()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("faceValueCents");
    }

    @Test
    void read_rejectsAMissingNestedField_namingItsPath() {
        ObjectNode sample = (ObjectNode) Contracts.golden("structure.registered.v1");
        ((ObjectNode) sample.get("address")).remove("commune");

        assertThatThrownBy(() -> EventJson.read("structure.registered.v1", sample.toString()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("address.commune");
    }

    @Test
    void read_rejectsANegativeAmount() {
        ObjectNode sample = (ObjectNode) Contracts.golden(REDEEMED);
        sample.put("faceValueCents", -1000);

        assertThatThrownBy(() -> EventJson.read(REDEEMED, sample.toString()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("faceValueCents must be >= 0");
    }

    @Test
    void read_rejectsAClearVoucherCodeWhereOnlyItsHashMayTravel() {
        ObjectNode sample = (ObjectNode) Contracts.golden("voucher.issued.v1");
        sample.put("codeHash", "PN30-7K4M-2QXD");

        assertThatThrownBy(() -> EventJson.read("voucher.issued.v1", sample.toString()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("codeHash");
    }

    @Test
    void read_rejectsAnUnknownType() {
        assertThatThrownBy(() -> EventJson.read("voucher.redeemed.v9", Contracts.goldenText(REDEEMED)))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("voucher.redeemed.v9");
    }

    @Test
    void read_ignoresPropertiesAddedByANewerProducer() {
        ObjectNode sample = (ObjectNode) Contracts.golden(REDEEMED);
        sample.put("loyaltyPoints", 12);

        LedgerEvent event = EventJson.read(REDEEMED, sample.toString());

        assertThat(event).isEqualTo(EventJson.read(REDEEMED, Contracts.goldenText(REDEEMED)));
    }

    @Test
    void write_usesIsoStringsForInstantsAndDates() throws Exception {
        UUID voucherId = UUID.fromString("c4f81a26-9e3b-4d57-a0c9-1b6e4f7d2a85");
        VoucherExpired expired = new VoucherExpired(voucherId, UUID.randomUUID(), UUID.randomUUID(), 1000,
                LocalDate.of(2027, 1, 31), Instant.parse("2027-01-31T23:00:00.000123Z"));

        JsonNode json = Contracts.TREES.readTree(EventJson.write(expired));

        assertThat(json.get("acceptedUntil").asText()).isEqualTo("2027-01-31");
        assertThat(json.get("expiredAt").asText()).isEqualTo("2027-01-31T23:00:00.000123Z");
        assertThat(json.get("voucherId").asText()).isEqualTo(voucherId.toString());
        assertThat(json.get("faceValueCents").isIntegralNumber()).isTrue();
    }

    @Test
    void write_spellsOutOptionalFieldsAsNull() throws Exception {
        VoucherDistributed distributed = new VoucherDistributed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "CCAS-VAUVERT-2026-0143", null, null, Instant.parse("2026-03-02T13:45:00Z"));

        JsonNode json = Contracts.TREES.readTree(EventJson.write(distributed));

        assertThat(json.has("ageBracket")).isTrue();
        assertThat(json.get("ageBracket").isNull()).isTrue();
        assertThat(json.get("postcode").isNull()).isTrue();
    }

    @Test
    void write_neverIncludesTheDerivedSubject() {
        for (String type : EventCatalog.types()) {
            LedgerEvent event = EventJson.read(type, Contracts.goldenText(type));

            assertThat(EventJson.write(event)).as(type).doesNotContain("\"subject\"");
        }
    }

    @Test
    void sharedMapper_writesTheWireFormat() throws Exception {
        LedgerEvent redeemed = EventJson.read(REDEEMED, Contracts.goldenText(REDEEMED));

        assertThat(EventJson.mapper().writeValueAsString(redeemed)).isEqualTo(EventJson.write(redeemed));
        assertThat(EventJson.mapper().readValue(Contracts.goldenText(REDEEMED), VoucherRedeemed.class))
                .isEqualTo(redeemed);
    }

    @Test
    void read_keepsAnAbsentOptionalNestedValueAsNull() {
        ObjectNode sample = (ObjectNode) Contracts.golden("structure.registered.v1");
        sample.remove("location");

        StructureRegistered registered =
                (StructureRegistered) EventJson.read("structure.registered.v1", sample.toString());

        assertThat(registered.location()).isNull();
        assertThat(registered.address().commune()).isEqualTo("Vauvert");
    }
}
