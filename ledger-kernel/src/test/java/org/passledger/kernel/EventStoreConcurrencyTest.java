package org.passledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.testapp.KernelApi;
import org.passledger.testkit.LedgerTestResources;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class EventStoreConcurrencyTest {

    @Test
    void fiftyConcurrentAppendsAtOneVersion_exactlyOneSucceeds_theRestReportAConflict() throws Exception {
        UUID voucher = UUID.randomUUID();
        int writers = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                start.await();
                return KernelApi.extend(voucher, 0, "2027-01-" + String.format("%02d", 1 + n % 28));
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<String> conflictCodes = new ArrayList<>();
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 409) {
                assertThat(response.contentType()).startsWith("application/problem+json");
                conflictCodes.add(response.jsonPath().getString("code"));
            }
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(writers - 1);
        assertThat(conflictCodes).containsOnly("concurrent-modification");
        assertThat(KernelApi.countEvents(voucher.toString())).isEqualTo(1);
    }

    @Test
    void appendAtAStaleVersion_isAConflict_andWritesNothing() {
        UUID voucher = UUID.randomUUID();
        KernelApi.extend(voucher, 0, "2027-01-31").then().statusCode(201);
        KernelApi.extend(voucher, 1, "2027-02-28").then().statusCode(201);

        KernelApi.extend(voucher, 1, "2027-03-31").then().statusCode(409);
        KernelApi.extend(voucher, 0, "2027-03-31").then().statusCode(409);

        assertThat(KernelApi.countEvents(voucher.toString())).isEqualTo(2);
    }
}
