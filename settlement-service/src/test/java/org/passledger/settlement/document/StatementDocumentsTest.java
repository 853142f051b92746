package org.passledger.settlement.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.passledger.events.values.StatementLine;
import org.passledger.settlement.document.StatementDocuments.StatementSheet;

class StatementDocumentsTest {

    static StatementSheet sheet(int lines) {
        List<StatementLine> all = IntStream.range(0, lines).mapToObj(i -> new StatementLine(UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1000L + i)).toList();
        long total = all.stream().mapToLong(StatementLine::amountCents).sum();
        return new StatementSheet(UUID.randomUUID(), "2026-000042", UUID.randomUUID(), "PAID",
                Instant.parse("2026-04-02T08:00:00Z"), Instant.parse("2026-04-05T08:00:00Z"), "SEPA-1",
                "Médiathèque & co", "FR7630006000011234567890189", total, all);
    }

    static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    @Test
    void aLongStatement_runsOverSeveralPages_andEndsWithItsTotalToTheCent() throws Exception {
        StatementSheet sheet = sheet(95);
        try (PDDocument pdf = Loader.loadPDF(StatementDocuments.pdf(sheet))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            String text = new PDFTextStripper().getText(pdf);
            // 95 lines of 10.00 .. 10.94 euros
            assertThat(text).contains("Total : 994.65 EUR (95 ligne(s))")
                    .contains("2026-000042")
                    .contains("FR7630006000011234567890189")
                    .contains("Mediatheque co")
                    .contains(sheet.lines().get(94).voucherId().toString());
        }
    }

    @Test
    void theCsv_hasOneRowPerLine_whoseAmountsAddUpToTheTotal() throws Exception {
        StatementSheet sheet = sheet(4);
        List<CSVRecord> rows = parse(StatementDocuments.csv(sheet));
        assertThat(rows).hasSize(4);
        assertThat(rows.stream().mapToLong(r -> Long.parseLong(r.get("amount_cents"))).sum())
                .isEqualTo(sheet.totalCents());
        assertThat(rows.stream().map(r -> new BigDecimal(r.get("amount_eur"))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("40.06");
        assertThat(rows.get(0).get("redemption_event_id"))
                .isEqualTo(sheet.lines().get(0).redemptionEventId().toString());
    }
}
