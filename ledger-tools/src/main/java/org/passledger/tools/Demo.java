package org.passledger.tools;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.passledger.tools.journey.Clients;
import org.passledger.tools.journey.JourneyReport;
import org.passledger.tools.journey.ServiceUrls;
import org.passledger.tools.journey.VoucherJourney;

/**
 * The demo of {@code ./ledger demo}: drives one voucher through the running stack and prints what each
 * service saw. {@code Demo verify} reads the last demo's voucher again, e.g. after {@code ./ledger down}
 * and {@code up}, and fails unless every service still holds it with every event counted once.
 */
public final class Demo {

    private final Path root;
    private final Clients clients;

    private Demo(Path root, Clients clients) {
        this.root = root;
        this.clients = clients;
    }

    public static void main(String[] argv) throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("LEDGER_ROOT", "."));
        Path keys = Path.of(System.getenv().getOrDefault("LEDGER_KEYS_DIR", root.resolve(".ledger/keys").toString()));
        PrivateKey key = Pem.readPrivateKey(keys.resolve("private.pem"));
        Clients clients = new Clients(ServiceUrls.fromEnvironment(), (role, party) -> {
            try {
                return DevToken.create(key, role, party, Duration.ofMinutes(30), Instant.now());
            } catch (Exception e) {
                throw new IllegalStateException("could not sign a development token", e);
            }
        });
        Demo demo = new Demo(root, clients);
        boolean verify = argv.length > 0 && argv[0].equals("verify");
        System.exit(verify ? demo.verify() : demo.run());
    }

    private int run() throws Exception {
        System.out.println("A voucher's journey through pass-ledger");
        System.out.println();
        JourneyReport report = new VoucherJourney(clients, line -> System.out.println("  " + line)).run();
        var parties = report.parties();
        JourneyReport.Books books = new VoucherJourney(clients, line -> { })
                .books(parties.funderId(), parties.programmeId(), parties.operatorId());
        System.out.println();
        printViews(report.views());
        save(report, books);
        System.out.println();
        System.out.println("Saved to " + savedJourney() + "; after ./ledger down and ./ledger up, `./ledger demo verify`"
                + " checks every service still holds this voucher, each event counted once.");
        return 0;
    }

    private int verify() throws IOException {
        Properties saved = new Properties();
        try (Reader reader = Files.newBufferedReader(savedJourney())) {
            saved.load(reader);
        }
        var parties = new JourneyReport.Parties(uuid(saved, "structureId"), uuid(saved, "funderId"),
                uuid(saved, "distributorId"), saved.getProperty("agencyId"), saved.getProperty("operatorId"),
                uuid(saved, "programmeId"));
        JourneyReport.Views views = new VoucherJourney(clients, line -> { }).views(parties, saved.getProperty("voucherCode"),
                uuid(saved, "voucherId"), uuid(saved, "redemptionId"), uuid(saved, "statementId"));
        JourneyReport.Books books = new VoucherJourney(clients, line -> { })
                .books(parties.funderId(), parties.programmeId(), parties.operatorId());
        printViews(views);
        printBooks(books);
        Properties now = counts(views, books);
        boolean same = true;
        for (String name : now.stringPropertyNames()) {
            if (!now.getProperty(name).equals(saved.getProperty(name))) {
                System.out.printf("  MISMATCH %s: %s before, %s now%n", name, saved.getProperty(name), now.getProperty(name));
                same = false;
            }
        }
        System.out.println(same ? "Every service still holds the demo's voucher, each event counted once."
                : "The read models differ from what the demo saw.");
        return same ? 0 : 1;
    }

    private static void printViews(JourneyReport.Views views) {
        System.out.println("What each service saw:");
        var s = views.structure();
        System.out.printf("  labelling-service   place %s: label %s from %s to %s, convention %s (%d events applied)%n",
                s.getStructureId(), s.getLabelStatus(), s.getLabelValidFrom(), s.getLabelValidUntil(),
                s.getConventionReference(), s.getEventsApplied());
        var v = views.voucher();
        System.out.printf("  issuance-service    voucher %s: %s, %s, issued %s, reimbursed %s (%d events applied)%n",
                v.getVoucherId(), v.getStatus(), VoucherJourney.euros(v.getFaceValueCents()), v.getIssuedAt(),
                v.getReimbursedAt(), v.getEventsApplied());
        var p = views.programme();
        System.out.printf("  issuance-service    programme '%s': budget %s, committed %s, %d issued, %d handed out,"
                        + " %d redeemed, %d reimbursed%n", p.getName(), VoucherJourney.euros(p.getBudgetCents()),
                VoucherJourney.euros(p.getCommittedCents()), p.getIssued().getCount(), p.getDistributed().getCount(),
                p.getRedeemed().getCount(), p.getReimbursed().getCount());
        var r = views.redemption();
        System.out.printf("  redemption-service  redemption %s: %s for '%s' in département %s at %s (%d events applied)%n",
                r.getRedemptionId(), VoucherJourney.euros(r.getAmountCents()), r.getService(), r.getDepartement(),
                r.getRedeemedAt(), r.getEventsApplied());
        var st = views.statement();
        System.out.printf("  settlement-service  statement %s: %s, %s, bank reference %s (%d events applied)%n",
                st.getStatementNumber(), st.getStatus(), VoucherJourney.euros(st.getTotalCents()), st.getBankReference(),
                st.getEventsApplied());
        var re = views.reimbursement();
        System.out.printf("  settlement-service  voucher %s reimbursed %s at %s%n", re.getVoucherId(),
                VoucherJourney.euros(re.getAmountCents()), re.getReimbursedAt());
    }

    private static void printBooks(JourneyReport.Books books) {
        var ledger = books.trialBalance();
        var reconciled = books.reconciliation();
        System.out.printf("  settlement-service  ledger: debits %s = credits %s; programme reconciled with %d difference(s)%n",
                VoucherJourney.euros(ledger.getTotalDebitCents()), VoucherJourney.euros(ledger.getTotalCreditCents()),
                reconciled.getDifferences().size());
    }

    private void save(JourneyReport report, JourneyReport.Books books) throws IOException {
        Properties saved = counts(report.views(), books);
        var parties = report.parties();
        saved.setProperty("structureId", parties.structureId().toString());
        saved.setProperty("funderId", parties.funderId().toString());
        saved.setProperty("distributorId", parties.distributorId().toString());
        saved.setProperty("agencyId", parties.agencyId());
        saved.setProperty("operatorId", parties.operatorId());
        saved.setProperty("programmeId", parties.programmeId().toString());
        saved.setProperty("voucherCode", report.voucherCode());
        saved.setProperty("voucherId", report.voucherId().toString());
        saved.setProperty("redemptionId", report.redemptionId().toString());
        saved.setProperty("statementId", report.statementId().toString());
        Files.createDirectories(savedJourney().getParent());
        try (Writer writer = Files.newBufferedWriter(savedJourney())) {
            saved.store(writer, "the last ./ledger demo journey");
        }
    }

    /** The figures that must not change when the stack restarts: what each read model counted. */
    private static Properties counts(JourneyReport.Views views, JourneyReport.Books books) {
        Properties counts = new Properties();
        counts.setProperty("labelling.eventsApplied", String.valueOf(views.structure().getEventsApplied()));
        counts.setProperty("issuance.voucher.eventsApplied", String.valueOf(views.voucher().getEventsApplied()));
        counts.setProperty("issuance.voucher.status", String.valueOf(views.voucher().getStatus()));
        var programme = views.programme();
        counts.setProperty("issuance.programme.counts", programme.getIssued().getCount() + " issued, "
                + programme.getActivated().getCount() + " activated, " + programme.getDistributed().getCount()
                + " handed out, " + programme.getRedeemed().getCount() + " redeemed, "
                + programme.getReimbursed().getCount() + " reimbursed");
        counts.setProperty("redemption.eventsApplied", String.valueOf(views.redemption().getEventsApplied()));
        counts.setProperty("settlement.statement.eventsApplied", String.valueOf(views.statement().getEventsApplied()));
        counts.setProperty("settlement.statement.status", String.valueOf(views.statement().getStatus()));
        counts.setProperty("settlement.reimbursement.eventsApplied", String.valueOf(views.reimbursement().getEventsApplied()));
        // the ledger books each event once: a replay after the restart would change its totals
        counts.setProperty("settlement.ledger.totals", books.trialBalance().getTotalDebitCents() + " debit, "
                + books.trialBalance().getTotalCreditCents() + " credit");
        var reconciled = books.reconciliation();
        counts.setProperty("settlement.reconciliation", reconciled.getReimbursedCount() + " reimbursed, "
                + reconciled.getDifferences().size() + " differences");
        return counts;
    }

    private Path savedJourney() {
        return root.resolve(".ledger/demo/last-journey.properties");
    }

    private static UUID uuid(Properties properties, String name) {
        return UUID.fromString(properties.getProperty(name));
    }
}
