package org.passledger.issuance.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.passledger.issuance.domain.VoucherCode;

/**
 * The printable books of an order: one A4 page per book; for each voucher its code in text and as a QR code
 * (the QR code holds the printed code), the programme, the face value and the validity.
 */
public final class BooksPdf {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float MARGIN = 40;
    private static final float ROW = 72;
    private static final float QR_SIZE = 62;

    private BooksPdf() {
    }

    /** What every page shows about the programme. */
    public record Terms(String programmeName, String funderName, long faceValueCents) {
    }

    /** One voucher to print, with the dates it carries. */
    public record Sheet(UUID bookId, int positionInBook, VoucherCode code, LocalDate validUntil,
                        LocalDate acceptedUntil) {
    }

    public static byte[] render(Terms terms, UUID orderId, List<Sheet> vouchers) {
        return render(terms, orderId, vouchers, 1, 0);
    }

    /**
     * Renders some books of an order, numbered from {@code firstNumber} out of {@code totalBooks} (0: as many
     * as given), so that a large order is printed in parts that read as one.
     */
    public static byte[] render(Terms terms, UUID orderId, List<Sheet> vouchers, int firstNumber, int totalBooks) {
        Map<UUID, List<Sheet>> books = new LinkedHashMap<>();
        vouchers.forEach(v -> books.computeIfAbsent(v.bookId(), b -> new ArrayList<>()).add(v));
        int total = totalBooks > 0 ? totalBooks : books.size();
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle(terms.programmeName() + " - carnets de la commande " + orderId);
            int number = firstNumber - 1;
            for (Map.Entry<UUID, List<Sheet>> book : books.entrySet()) {
                number++;
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                float top = page.getMediaBox().getHeight() - MARGIN;
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    text(content, bold, 14, MARGIN, top, safe(terms.programmeName()));
                    text(content, regular, 9, MARGIN, top - 16, safe(terms.funderName()) + "  -  carnet " + number
                            + "/" + total + "  -  " + book.getKey());
                    float y = top - 36;
                    for (Sheet sheet : book.getValue()) {
                        y -= ROW;
                        content.drawImage(qr(document, sheet.code().printable()), MARGIN, y + 4, QR_SIZE, QR_SIZE);
                        float x = MARGIN + QR_SIZE + 16;
                        text(content, mono, 16, x, y + 48, sheet.code().printable());
                        text(content, bold, 11, x, y + 30, "Pass Numérique - " + euros(terms.faceValueCents())
                                + "  (cheque " + sheet.positionInBook() + ")");
                        text(content, regular, 9, x, y + 16, "Valable jusqu'au " + FRENCH_DATE.format(sheet.validUntil())
                                + ", accepté jusqu'au " + FRENCH_DATE.format(sheet.acceptedUntil()));
                        content.moveTo(MARGIN, y);
                        content.lineTo(page.getMediaBox().getWidth() - MARGIN, y);
                        content.stroke();
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the books' PDF", e);
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y,
                             String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    /** 1000 cents as "10,00 EUR". */
    static String euros(long cents) {
        return String.format(java.util.Locale.FRANCE, "%d,%02d EUR", cents / 100, cents % 100);
    }

    /** The standard fonts encode WinAnsi only: anything else a funder typed is replaced, never a failure. */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 32 && c < 256 && c != 127 ? c : '?');
        }
        return out.toString();
    }

    private static PDImageXObject qr(PDDocument document, String content) throws IOException {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(),
                    BufferedImage.TYPE_BYTE_GRAY);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            return LosslessFactory.createFromImage(document, image);
        } catch (WriterException e) {
            throw new IllegalStateException("a voucher code always fits a QR code", e);
        }
    }
}
