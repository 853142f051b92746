package org.passledger.issuance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.passledger.issuance.api.IssuanceApi.openProgramme;
import static org.passledger.issuance.api.IssuanceApi.patience;
import static org.passledger.issuance.api.IssuanceApi.programmeView;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.passledger.events.EventJson;
import org.passledger.events.ProgrammeEvent.BooksOrdered;
import org.passledger.events.Topics;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class ConcurrentOrdersTest {

    static final int RACERS = 20;
    static final long BOOK_CENTS = 10 * 1000; // a book of 10 vouchers of 10 EUR
    static final long BUDGET = 10 * BOOK_CENTS; // room for 10 of the 20 orders

    @Test
    void twentyConcurrentOrders_neverOverspendTheBudget_andHonestOnesSucceedWhileItLasts() {
        UUID funder = UUID.randomUUID();
        UUID programmeId = openProgramme(funder, BUDGET, 10);
        HttpClient http = HttpClient.newHttpClient();
        String token = TestTokens.bearer(Roles.FUNDER, funder);
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/programmes/" + programmeId + "/orders");

        List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            racing.add(http.sendAsync(HttpRequest.newBuilder(uri).header("Authorization", token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"books\":1}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = racing.stream().map(CompletableFuture::join).toList();

        long created = answers.stream().filter(a -> a.statusCode() == 201).count();
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isIn(201, 409));
        assertThat(answers.stream().filter(a -> a.statusCode() == 409))
                .allSatisfy(a -> assertThat(a.body()).contains("\"code\":\"budget-exceeded\""));
        assertThat(created * BOOK_CENTS).isLessThanOrEqualTo(BUDGET);
        assertThat(created).as("every order that fitted the budget went through").isEqualTo(10);

        await().atMost(patience()).untilAsserted(() -> programmeView(Roles.FUNDER, funder, programmeId)
                .statusCode(200)
                .body("orders", org.hamcrest.Matchers.equalTo((int) created))
                .body("issued.count", org.hamcrest.Matchers.equalTo((int) created * 10)));
        long orderedOnTheStream = KafkaTopics.readAll(Topics.PROGRAMMES).stream()
                .filter(r -> programmeId.toString().equals(r.key()))
                .filter(r -> "programme.books-ordered.v1".equals(KafkaTopics.header(r, "ce_type")))
                .mapToLong(r -> ((BooksOrdered) EventJson.read("programme.books-ordered.v1", r.value())).amountCents())
                .sum();
        assertThat(orderedOnTheStream).isEqualTo(created * BOOK_CENTS).isLessThanOrEqualTo(BUDGET);
        programmeView(Roles.FUNDER, funder, programmeId)
                .body("committedCents", org.hamcrest.Matchers.equalTo((int) orderedOnTheStream))
                .body("remainingCents", org.hamcrest.Matchers.equalTo(0));
    }
}
