package org.passledger.issuance.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.passledger.issuance.print.BooksPdf;
import org.passledger.issuance.projection.ProgrammeView;

/**
 * A large order's printable books, produced by its job once every voucher is issued: {@code print-books} books
 * per transaction, each batch stored as one PDF part ({@code order_print_parts}) with the job's progress, and
 * the parts joined into one document when the funder downloads it. No request renders 100,000 QR codes.
 */
@ApplicationScoped
public class OrderPrinting {

    private final VoucherCodeRegistry codes;
    private final ProgrammeService programmes;
    private final Clock clock;
    private final int booksPerPart;

    public OrderPrinting(VoucherCodeRegistry codes, ProgrammeService programmes, Clock clock,
                         @ConfigProperty(name = "issuance.order-jobs.print-books", defaultValue = "200")
                         int booksPerPart) {
        this.codes = codes;
        this.programmes = programmes;
        this.clock = clock;
        this.booksPerPart = booksPerPart;
    }

    /** Prints the job's next books into a stored part and moves its printing progress. */
    Uni<Integer> printPart(Mutiny.Session session, OrderJobs.Job job) {
        int first = job.booksPrinted();
        int books = Math.min(booksPerPart, job.books() - first);
        return programmes.state(session, job.programmeId()).chain(state -> session
                .find(ProgrammeView.class, job.programmeId())
                .chain(view -> codes.printedOf(session, job.orderId(), first, books).map(printed -> {
                    var sheets = printed.stream().map(p -> new BooksPdf.Sheet(p.bookId(), p.positionInBook(),
                            p.code(), state.validUntil(), state.acceptedUntil())).toList();
                    String funderName = view == null ? "" : view.funderName;
                    return BooksPdf.render(new BooksPdf.Terms(state.name(), funderName, state.faceValueCents()),
                            job.orderId(), sheets, first + 1, job.books());
                })))
                .chain(pdf -> session.createNativeQuery("""
                                insert into order_print_parts (order_id, part, first_book, books, pdf, printed_at)
                                values (cast(:o as uuid), :part, :first, :books, :pdf, :at)""")
                        .setParameter("o", job.orderId().toString())
                        .setParameter("part", first / booksPerPart)
                        .setParameter("first", first + 1)
                        .setParameter("books", books)
                        .setParameter("pdf", pdf)
                        .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .chain(() -> session.createNativeQuery("""
                                update order_jobs set books_printed = :printed, print_status = :status,
                                       updated_at = :at, attempts = 0, error = null
                                where job_id = cast(:job as uuid)""")
                        .setParameter("printed", first + books)
                        .setParameter("status", first + books >= job.books() ? OrderJobs.DONE : OrderJobs.RUNNING)
                        .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                        .setParameter("job", job.jobId().toString())
                        .executeUpdate());
    }

    /** The order's stored parts joined into one PDF, in book order. */
    public Uni<byte[]> storedPdf(Mutiny.Session session, UUID orderId) {
        return session.createNativeQuery(
                        "select pdf from order_print_parts where order_id = cast(:o as uuid) order by part",
                        byte[].class)
                .setParameter("o", orderId.toString())
                .getResultList()
                .map(OrderPrinting::join);
    }

    static byte[] join(List<byte[]> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        PDFMergerUtility merger = new PDFMergerUtility();
        parts.forEach(part -> merger.addSource(new RandomAccessReadBuffer(part)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        merger.setDestinationStream(out);
        try {
            // parts are spilled to temporary files rather than all held in memory while they are joined
            merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
        } catch (IOException e) {
            throw new UncheckedIOException("could not join the stored books' PDF parts", e);
        }
        return out.toByteArray();
    }
}
