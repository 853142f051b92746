package org.passledger.issuance.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passledger.issuance.api.IssuanceApi.get;
import static org.passledger.issuance.api.IssuanceApi.openProgramme;
import static org.passledger.issuance.api.IssuanceApi.order;
import static org.passledger.issuance.api.IssuanceApi.patience;
import static org.passledger.issuance.api.IssuanceApi.placeOrder;
import static org.passledger.issuance.api.IssuanceApi.post;
import static org.passledger.issuance.api.IssuanceApi.programmeView;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.passledger.issuance.print.QrImages;
import org.passledger.kernel.auth.Roles;
import org.passledger.testkit.LedgerTestResources;
import org.passledger.testkit.TestTokens;

@QuarkusTest
@QuarkusTestResource(LedgerTestResources.class)
class OrderJobAndPrintTest {

    final UUID funder = UUID.randomUUID();

    @Test
    void largeOrder_isAcceptedAsAJob_reservesTheBudgetAtOnce_issuesEveryBookInChunks_andPrintsThem() throws Exception {
        // beyond what one request may print, a job is still bound by the budget
        UUID small = openProgramme(funder, 10_000, 5);
        order(funder, small, 1_001).statusCode(400).body("violations[0].field", equalTo("books"));
        post(Roles.FUNDER, funder, "/programmes/" + small + "/order-jobs", Map.of("books", 1_001)).statusCode(409)
                .body("code", equalTo("budget-exceeded"));
        post(Roles.FUNDER, funder, "/programmes/" + small + "/order-jobs", Map.of("books", 20_001)).statusCode(400);

        int books = 120; // 600 vouchers, issued 100 per transaction in tests
        UUID programmeId = openProgramme(funder, books * 5 * 1000L, 5);
        var accepted = post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/order-jobs", Map.of("books", books))
                .statusCode(202)
                .body("books", equalTo(books)).body("voucherCount", equalTo(books * 5))
                .extract();
        String location = accepted.header("Location");
        assertThat(location).endsWith("/programmes/" + programmeId + "/order-jobs/" + accepted.path("jobId"));
        // the whole budget is reserved before a single voucher is issued
        order(funder, programmeId, 1).statusCode(409).body("code", equalTo("budget-exceeded"))
                .body("remainingCents", equalTo(0));
        post(Roles.FUNDER, funder, "/programmes/" + programmeId + "/order-jobs", Map.of("books", 1)).statusCode(409);

        String jobPath = "/programmes/" + programmeId + "/order-jobs/" + accepted.path("jobId");
        get(Roles.FUNDER, UUID.randomUUID(), jobPath).statusCode(403);
        List<Integer> progress = new ArrayList<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath job = get(Roles.FUNDER, funder, jobPath).statusCode(200).extract().jsonPath();
            progress.add(job.getInt("progressPercent"));
            assertThat(job.getString("status")).isEqualTo("DONE");
        });
        get(Roles.AGENCY, "anct", jobPath).statusCode(200)
                .body("progressPercent", equalTo(100)).body("vouchersIssued", equalTo(books * 5))
                .body("booksIssued", equalTo(books)).body("finishedAt", org.hamcrest.Matchers.notNullValue());
        assertThat(progress).isSorted();
        await().atMost(patience()).untilAsserted(() -> programmeView(Roles.FUNDER, funder, programmeId)
                .statusCode(200).body("issued.count", equalTo(books * 5))
                .body("committedCents", equalTo(books * 5 * 1000)));
        String orderId = accepted.path("orderId");
        get(Roles.FUNDER, funder, "/programmes/" + programmeId + "/orders/" + orderId).statusCode(200)
                .body("voucherCount", equalTo(books * 5)).body("funded", equalTo(false));

        // funding a large order activates its vouchers through the same job, chunk by chunk
        IssuanceApi.fund(Roles.FUNDER, funder, programmeId, orderId).statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith(jobPath))
                .body("vouchersActivated", equalTo(0));
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> get(Roles.FUNDER, funder, jobPath).statusCode(200)
                .body("activationStatus", equalTo("DONE")).body("vouchersActivated", equalTo(books * 5)));
        await().atMost(patience()).untilAsserted(() -> programmeView(Roles.FUNDER, funder, programmeId)
                .statusCode(200).body("activated.count", equalTo(books * 5)).body("fundedCents", equalTo(books * 5200)));
        IssuanceApi.fund(Roles.FUNDER, funder, programmeId, orderId).statusCode(409)
                .body("code", equalTo("order-already-funded"));

        // the job also printed the books, in stored parts (50 books each in tests) served as one document
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> get(Roles.FUNDER, funder, jobPath).statusCode(200)
                .body("printStatus", equalTo("DONE")).body("booksPrinted", equalTo(books)));
        byte[] pdf = given().header("Authorization", TestTokens.bearer(Roles.FUNDER, funder))
                .when().get("/programmes/" + programmeId + "/orders/" + orderId + "/books.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(books);
            for (int page : List.of(1, 51, books)) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).contains("carnet " + page + "/" + books);
            }
            List<String> decoded = QrImages.decodeAll(document.getPage(books - 1));
            assertThat(decoded).hasSize(5);
            for (String code : decoded) {
                IssuanceApi.voucher(Roles.FUNDER, funder, code).statusCode(200).body("orderId", equalTo(orderId));
            }
        }
    }

    @Test
    void theOrdersPdf_hasOnePagePerBook_withEachVouchersCodeInTextAndAsAQrCode() throws Exception {
        UUID programmeId = openProgramme(funder, 100_000, 5);
        JsonPath order = placeOrder(funder, programmeId, 2);
        String orderId = order.getString("orderId");
        String path = "/programmes/" + programmeId + "/orders/" + orderId + "/books.pdf";
        get(Roles.FUNDER, UUID.randomUUID(), path).statusCode(403);
        get(Roles.DISTRIBUTOR, UUID.randomUUID(), path).statusCode(403);
        get(Roles.FUNDER, funder, "/programmes/" + programmeId + "/orders/" + UUID.randomUUID() + "/books.pdf")
                .statusCode(404);

        byte[] pdf = given().header("Authorization", TestTokens.bearer(Roles.FUNDER, funder))
                .when().get(path).then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDFRenderer renderer = new PDFRenderer(document);
            Set<String> everyCode = new HashSet<>(order.getList("vouchers.code"));
            Set<String> decodedEverywhere = new HashSet<>();
            for (int page = 0; page < 2; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page + 1);
                stripper.setEndPage(page + 1);
                String text = stripper.getText(document);
                assertThat(text).contains("Pass Numérique Gard " + IssuanceApi.NEXT_YEAR)
                        .contains("10,00 EUR")
                        .contains("31/12/" + IssuanceApi.NEXT_YEAR).contains("31/01/" + (IssuanceApi.NEXT_YEAR + 1));
                List<String> onPage = everyCode.stream().filter(text::contains).toList();
                assertThat(onPage).as("one book of five vouchers per page").hasSize(5);
                String bookId = order.getString("vouchers.find { it.code == '" + onPage.get(0) + "' }.bookId");
                assertThat(order.<String>getList("vouchers.findAll { it.bookId == '" + bookId + "' }.code"))
                        .containsExactlyInAnyOrderElementsOf(onPage);

                // the QR codes embedded in the page, decoded back
                List<String> decoded = QrImages.decodeAll(document.getPage(page));
                assertThat(decoded).containsExactlyInAnyOrderElementsOf(onPage);

                // and the page as a printer would see it
                BufferedImage rendered = renderer.renderImageWithDPI(page, 200);
                for (Result result : new QRCodeMultiReader().decodeMultiple(bitmap(rendered),
                        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))) {
                    decodedEverywhere.add(result.getText());
                }
            }
            assertThat(decodedEverywhere).isNotEmpty().isSubsetOf(everyCode);
        }
    }

    static BinaryBitmap bitmap(BufferedImage image) throws NotFoundException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new BinaryBitmap(new HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
    }
}
