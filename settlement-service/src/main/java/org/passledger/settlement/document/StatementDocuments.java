package org.passledger.settlement.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.passledger.events.values.StatementLine;
import org.passledger.settlement.domain.StatementNumber;
import org.passledger.settlement.sepa.CreditTransferFile;

/**
 * A place's statement as a PDF to read and a CSV to open in a spreadsheet. Both are written from the statement's
 * own lines in integer cents, so their totals are the statement's to the cent.
 */
public final class StatementDocuments {

    /** What the documents say about the statement. */
    public record StatementSheet(UUID statementId, String statementNumber, UUID structureId, String status,
                                 Instant issuedAt, Instant paidAt, String bankReference, String payeeName,
                                 String payeeIban, long totalCents, List<StatementLine> lines) {
    }

    public static final String[] CSV_HEADER = {"statement_number", "line", "redemption_event_id", "redemption_id",
            "voucher_id", "programme_id", "funder_id", "amount_cents", "amount_eur"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(StatementNumber.BOOKS_ZONE);
    private static final int LINES_PER_PAGE = 40;

    private StatementDocuments() {
    }

    public static String csv(StatementSheet sheet) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
            int n = 0;
            for (StatementLine line : sheet.lines()) {
                printer.printRecord(sheet.statementNumber(), ++n, line.redemptionEventId(), line.redemptionId(),
                        line.voucherId(), line.programmeId(), line.funderId(), line.amountCents(),
                        CreditTransferFile.euros(line.amountCents()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static byte[] pdf(StatementSheet sheet) {
        List<String> header = new ArrayList<>();
        header.add("Pass Numerique - releve de remboursement " + sheet.statementNumber());
        header.add("Lieu (structure) : " + sheet.structureId());
        header.add("Emis le : " + DAY.format(sheet.issuedAt()) + "    Statut : " + sheet.status());
        if (sheet.payeeIban() != null) {
            header.add("Beneficiaire : " + CreditTransferFile.latin(sheet.payeeName(), 70) + "    IBAN : "
                    + sheet.payeeIban());
        }
        if (sheet.paidAt() != null) {
            header.add("Paye le : " + DAY.format(sheet.paidAt()) + "    Reference bancaire : " + sheet.bankReference());
        }
        List<String> rows = new ArrayList<>();
        int n = 0;
        for (StatementLine line : sheet.lines()) {
            rows.add(String.format("%4d  cheque %s  evenement %s  %10s EUR", ++n, line.voucherId(),
                    line.redemptionEventId(), CreditTransferFile.euros(line.amountCents())));
        }
        String total = "Total : " + CreditTransferFile.euros(sheet.totalCents()) + " EUR (" + sheet.lines().size()
                + " ligne(s))";
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
            int pages = Math.max(1, (rows.size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
            for (int page = 0; page < pages; page++) {
                PDPage pdPage = new PDPage(PDRectangle.A4);
                document.addPage(pdPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
                    float y = 800;
                    y = write(content, bold, 12, y, header.get(0));
                    for (String text : header.subList(1, header.size())) {
                        y = write(content, regular, 9, y, text);
                    }
                    y -= 8;
                    for (String row : rows.subList(page * LINES_PER_PAGE,
                            Math.min(rows.size(), (page + 1) * LINES_PER_PAGE))) {
                        y = write(content, mono, 7, y, row);
                    }
                    y -= 8;
                    if (page == pages - 1) {
                        y = write(content, bold, 11, y, total);
                    }
                    write(content, regular, 8, 40, "Page " + (page + 1) + " / " + pages);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float write(PDPageContentStream content, PDType1Font font, float size, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(40, y);
        content.showText(text);
        content.endText();
        return y - size * 1.6f;
    }
}
