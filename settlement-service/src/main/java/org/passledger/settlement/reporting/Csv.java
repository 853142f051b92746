package org.passledger.settlement.reporting;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 CSV with a header row, UTF-8, amounts in cents and in euros with a dot. */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private Csv() {
    }

    /** Euros with a dot and two decimals, from cents (null stays empty). */
    public static String euros(Long cents) {
        return cents == null ? "" : BigDecimal.valueOf(cents, 2).toPlainString();
    }

    public static String write(String[] header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static Response attachment(String body, String filename) {
        return Response.ok(body, MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
