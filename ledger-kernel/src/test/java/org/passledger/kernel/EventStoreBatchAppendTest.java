package org.passledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passledger.events.Topics;
import org.passledger.kernel.testapp.KernelApi;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;

/** Many streams in one statement: appended whole, each at its own expected version, or not at all. */
@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class EventStoreBatchAppendTest {

    static Map<String, Object> stream(UUID voucher, long expectedVersion, int events) {
        return Map.of("voucherId", voucher, "expectedVersion", expectedVersion, "events", events);
    }

    static io.restassured.response.ValidatableResponse batch(List<Map<String, Object>> streams) {
        return KernelApi.asOperator().body(Map.of("streams", streams)).post("/test/batches").then();
    }

    @Test
    void aBatch_appendsEveryStreamAtItsVersion_andPublishesEveryEvent() {
        UUID fresh = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID existing = UUID.randomUUID();
        KernelApi.extend(existing, 0, "2027-01-31").then().statusCode(201);

        batch(List.of(stream(fresh, 0, 3), stream(other, 0, 1), stream(existing, 1, 2)))
                .statusCode(201).body("appended", equalTo(6));

        assertThat(KernelApi.countEvents(fresh.toString())).isEqualTo(3);
        assertThat(KernelApi.countEvents(other.toString())).isEqualTo(1);
        assertThat(KernelApi.countEvents(existing.toString())).isEqualTo(3);
        // the next single append continues after the batch's versions
        KernelApi.extend(fresh, 3, "2027-03-31").then().statusCode(201);
        KernelApi.extend(existing, 2, "2027-03-31").then().statusCode(409);
        Set<String> keys = Set.of(fresh.toString(), other.toString(), existing.toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(KafkaTopics.readAll(Topics.VOUCHERS)
                .stream().filter(r -> keys.contains(r.key())).count()).isEqualTo(8));
    }

    @Test
    void aConflictOnAnyStream_refusesTheWholeBatch() {
        UUID stale = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        KernelApi.extend(stale, 0, "2027-01-31").then().statusCode(201);
        KernelApi.extend(stale, 1, "2027-02-28").then().statusCode(201);

        batch(List.of(stream(first, 0, 2), stream(stale, 1, 1), stream(last, 0, 1)))
                .statusCode(409).body("code", equalTo("concurrent-modification"))
                .body("detail", org.hamcrest.Matchers.containsString(stale.toString()));
        batch(List.of(stream(first, 0, 2), stream(stale, 0, 1))).statusCode(409);
        // a new stream already begun by another writer is a conflict too
        batch(List.of(stream(last, 0, 1), stream(stale, 0, 1))).statusCode(409);

        assertThat(KernelApi.countEvents(first.toString())).isZero();
        assertThat(KernelApi.countEvents(last.toString())).isZero();
        assertThat(KernelApi.countEvents(stale.toString())).isEqualTo(2);
        batch(List.of(stream(first, 0, 2), stream(stale, 2, 1))).statusCode(201).body("appended", equalTo(3));
    }
}
