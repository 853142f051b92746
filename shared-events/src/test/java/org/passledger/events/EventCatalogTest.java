package org.passledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.passledger.events.RedemptionEvent.VoucherRedeemed;
import org.passledger.events.SettlementEvent.VoucherReimbursed;
import org.passledger.events.VoucherEvent.VoucherIssued;

class EventCatalogTest {

    @Test
    void catalogue_holdsEveryEventOfTheFiveStreams_onTheirOwnTopics() {
        assertThat(EventCatalog.typesOn(Topics.STRUCTURES)).hasSize(13).allMatch(type -> type.startsWith("structure."));
        assertThat(EventCatalog.typesOn(Topics.PROGRAMMES)).hasSize(7).allMatch(type -> type.startsWith("programme."));
        assertThat(EventCatalog.typesOn(Topics.VOUCHERS)).hasSize(7).allMatch(type -> type.startsWith("voucher."));
        assertThat(EventCatalog.typesOn(Topics.REDEMPTIONS))
                .containsExactly("voucher.redeemed.v1", "voucher.redemption-reversed.v1");
        assertThat(EventCatalog.typesOn(Topics.SETTLEMENTS)).hasSize(14).contains("voucher.reimbursed.v1");
        assertThat(EventCatalog.types()).hasSize(43);
    }

    @Test
    void types_areTheUnionOfEveryTopic() {
        List<String> onTopics = Topics.all().stream().flatMap(topic -> EventCatalog.typesOn(topic).stream()).toList();

        assertThat(EventCatalog.types()).containsExactlyElementsOf(onTopics);
    }

    @Test
    void aVoucherEvent_isNamedAndRoutedByTheStreamThatOwnsIt() {
        assertThat(EventCatalog.typeOf(VoucherRedeemed.class)).isEqualTo("voucher.redeemed.v1");
        assertThat(EventCatalog.classOf("voucher.redeemed.v1")).isEqualTo(VoucherRedeemed.class);
        assertThat(EventCatalog.topicOf(VoucherRedeemed.class)).isEqualTo(Topics.REDEMPTIONS);
        assertThat(EventCatalog.topicOf(VoucherIssued.class)).isEqualTo(Topics.VOUCHERS);
        assertThat(EventCatalog.topicOf(VoucherReimbursed.class)).isEqualTo(Topics.SETTLEMENTS);
    }

    @Test
    void anEventInstance_hasTheTypeAndTopicOfItsClass() {
        LedgerEvent redeemed = EventJson.read("voucher.redeemed.v1", Contracts.goldenText("voucher.redeemed.v1"));

        assertThat(EventCatalog.typeOf(redeemed)).isEqualTo("voucher.redeemed.v1");
        assertThat(EventCatalog.topicOf(redeemed)).isEqualTo(Topics.REDEMPTIONS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.passledger.events.Contracts#types")
    void everyType_isTheEventTypeAnnotationOfItsClass(String type) {
        Class<? extends LedgerEvent> eventClass = EventCatalog.classOf(type);

        assertThat(eventClass.getAnnotation(EventType.class).value()).isEqualTo(type);
        assertThat(EventCatalog.typeOf(eventClass)).isEqualTo(type);
        assertThat(EventCatalog.typesOn(EventCatalog.topicOf(eventClass))).contains(type);
    }

    @Test
    void everyRecordPermittedByAStream_isCatalogued() {
        Stream<Class<?>> permitted = Stream.of(StructureEvent.class, ProgrammeEvent.class, VoucherEvent.class,
                        RedemptionEvent.class, SettlementEvent.class)
                .flatMap(stream -> Arrays.stream(stream.getPermittedSubclasses()));

        assertThat(permitted.map(c -> EventCatalog.typeOf(c.asSubclass(LedgerEvent.class))))
                .containsExactlyInAnyOrderElementsOf(EventCatalog.types());
    }

    @Test
    void aStreamInterface_hasTheTopicOfItsEvents() {
        assertThat(EventCatalog.topicOf(StructureEvent.class)).isEqualTo(Topics.STRUCTURES);
        assertThat(EventCatalog.topicOf(SettlementEvent.class)).isEqualTo(Topics.SETTLEMENTS);
    }

    @Test
    void classOf_rejectsAnUnknownType_namingIt() {
        assertThatThrownBy(() -> EventCatalog.classOf("voucher.redeemed.v9"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("voucher.redeemed.v9");
        assertThat(EventCatalog.isKnown("voucher.redeemed.v9")).isFalse();
        assertThat(EventCatalog.isKnown("voucher.redeemed.v1")).isTrue();
    }

    @Test
    void typeOf_rejectsAnEventThatIsNotCatalogued() {
        LedgerEvent stranger = () -> "3f6c2a9e-1b7d-4e58-9a41-5c0d8e7f2b13";

        assertThatThrownBy(() -> EventCatalog.typeOf(stranger)).isInstanceOf(UnknownEventTypeException.class);
        assertThatThrownBy(() -> EventCatalog.topicOf(stranger)).isInstanceOf(UnknownEventTypeException.class);
    }

    @Test
    void typesOn_rejectsAnUnknownTopic() {
        assertThatThrownBy(() -> EventCatalog.typesOn("issuance.voucher-events.v0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("issuance.voucher-events.v0");
    }

    @Test
    void types_cannotBeChangedByACaller() {
        assertThatThrownBy(() -> EventCatalog.types().add("voucher.forged.v1"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> EventCatalog.typesOn(Topics.VOUCHERS).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void dataSchema_andSchemaResource_followTheTypeName() {
        assertThat(EventCatalog.dataSchemaOf("voucher.redeemed.v1"))
                .isEqualTo("https://pass-ledger.org/schemas/voucher.redeemed.v1.json");
        assertThat(EventCatalog.schemaResourceOf("voucher.redeemed.v1")).isEqualTo("schemas/voucher.redeemed.v1.json");
        String resource = EventCatalog.schemaResourceOf("voucher.redeemed.v1");
        assertThat(EventCatalogTest.class.getClassLoader().getResource(resource)).isNotNull();
    }
}
