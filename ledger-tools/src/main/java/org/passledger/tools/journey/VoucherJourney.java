package org.passledger.tools.journey;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.passledger.clients.issuance.model.ConfirmFunding;
import org.passledger.clients.issuance.model.ConsignBooks;
import org.passledger.clients.issuance.model.DistributeVoucher;
import org.passledger.clients.issuance.model.OpenProgramme;
import org.passledger.clients.issuance.model.OrderBooks;
import org.passledger.clients.issuance.model.OrderPlaced;
import org.passledger.clients.issuance.model.PrintedVoucher;
import org.passledger.clients.issuance.model.RegisterDistributor;
import org.passledger.clients.issuance.model.Voucher;
import org.passledger.clients.labelling.model.Address;
import org.passledger.clients.labelling.model.LabelApplication;
import org.passledger.clients.labelling.model.LabelGrant;
import org.passledger.clients.labelling.model.RegisterStructure;
import org.passledger.clients.redemption.model.RedeemVoucher;
import org.passledger.clients.redemption.model.Redeemed;
import org.passledger.clients.settlement.model.AccountDecision;
import org.passledger.clients.settlement.model.FunderInvoice;
import org.passledger.clients.settlement.model.HoldingWaiver;
import org.passledger.clients.settlement.model.IssuedStatement;
import org.passledger.clients.settlement.model.OpenSettlementRun;
import org.passledger.clients.settlement.model.PaymentConfirmation;
import org.passledger.clients.settlement.model.ReconciliationProgramme;
import org.passledger.clients.settlement.model.RegisterPayoutAccount;
import org.passledger.clients.settlement.model.SettlementRunResult;
import org.passledger.clients.settlement.model.Statement;
import org.passledger.clients.settlement.model.TrialBalance;

/**
 * Drives one voucher through its whole life across the four services, as their partners would: a place is
 * labelled, a funder opens a programme and orders a book, pays, a distributor hands a voucher out, the place
 * redeems it, the operator settles and pays. Each step waits only where the system is eventually
 * consistent (one service learning from another's events).
 */
public final class VoucherJourney {

    public static final String SERVICE = "first-steps-computer";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Issued, activated, distributed, redeemed, reimbursed. */
    private static final int VOUCHER_EVENTS = 5;

    private final Clients clients;
    private final Consumer<String> narrator;

    public VoucherJourney(Clients clients, Consumer<String> narrator) {
        this.clients = clients;
        this.narrator = narrator;
    }

    public JourneyReport run() throws Exception {
        UUID structure = UUID.randomUUID();
        UUID funder = UUID.randomUUID();
        UUID distributor = UUID.randomUUID();
        String agency = "anct";
        String operator = "operator-1";
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);

        labelPlace(structure, agency);
        UUID programme = openProgramme(funder);
        OrderPlaced order = clients.programmes("funder", funder.toString())
                .orderBooks(programme, new OrderBooks().books(1), key());
        PrintedVoucher printed = order.getVouchers().get(0);
        say("issuance    1 book of %d vouchers ordered: %s + fee %s; first code %s", order.getVoucherCount(),
                euros(order.getAmountCents()), euros(order.getFeeCents()), printed.getCode());
        var funded = clients.programmes("funder", funder.toString()).confirmFunding(order.getOrderId(), programme,
                new ConfirmFunding().paymentOrderReference("PO-" + LocalDate.now().getYear() + "-0042"), key());
        say("issuance    payment order %s registered: %d vouchers activated", funded.getPaymentOrderReference(),
                funded.getVouchersActivated());
        var programmes = clients.programmes("funder", funder.toString());
        programmes.registerDistributor(programme, new RegisterDistributor().distributorId(distributor)
                .name("CCAS de Vauvert").kind(RegisterDistributor.KindEnum.CCAS), key());
        programmes.consignBooks(programme, new ConsignBooks().distributorId(distributor)
                .bookIds(List.of(printed.getBookId())), key());
        say("issuance    the book is in the stock of the CCAS de Vauvert");
        var handedOut = clients.vouchers("distributor", distributor.toString())
                .distributeVoucher(new DistributeVoucher().code(printed.getCode()).ageBracket("60-74").postcode("30600"), key());
        say("issuance    voucher %s handed out to beneficiary %s", printed.getCode(), handedOut.getBeneficiaryRef());

        Redeemed redeemed = redeem(structure, printed.getCode());
        say("redemption  voucher redeemed at the place for '%s': %s", redeemed.getService(), euros(redeemed.getAmountCents()));
        eventually("the redemption in redemption-service's read model", () ->
                clients.redemptions("structure", structure.toString()).getRedemption(redeemed.getRedemptionId()), r -> true);

        preparePayout(structure, operator);
        IssuedStatement statement = settle(structure, operator, start);
        say("settlement  statement %s for the place: %s (%d line)", statement.getStatementNumber(),
                euros(statement.getTotalCents()), statement.getLineCount());
        var paid = clients.statements("operator", operator).confirmStatementPayment(statement.getStatementId(),
                new PaymentConfirmation().bankReference("SEPA-" + statement.getStatementNumber()), key());
        say("settlement  transfer %s confirmed: %d voucher(s) reimbursed", paid.getBankReference(), paid.getVouchersReimbursed());
        JourneyReport.Books books = books(funder, programme, operator);
        say("settlement  invoice %s to the funder: %s + fee %s (rule %s)", books.invoice().getInvoiceNumber(),
                euros(books.invoice().getFaceValueCents()), euros(books.invoice().getFeeCents()),
                books.invoice().getFeeRuleId());
        say("settlement  ledger: debits %s = credits %s over %d accounts",
                euros(books.trialBalance().getTotalDebitCents()), euros(books.trialBalance().getTotalCreditCents()),
                books.trialBalance().getAccounts().size());
        var reconciled = books.reconciliation();
        say("settlement  reconciliation: issued %d >= handed out %d >= redeemed %d >= reimbursed %d; budget %s = "
                        + "reimbursed %s + owed %s + unused %s + credited %s; %d difference(s)",
                reconciled.getIssuedCount(), reconciled.getHandedOutCount(), reconciled.getRedeemedCount(),
                reconciled.getReimbursedCount(), euros(reconciled.getBudgetCents()),
                euros(reconciled.getReimbursedCents()), euros(reconciled.getOwedCents()),
                euros(reconciled.getUnusedCents()), euros(reconciled.getCreditedCents()),
                reconciled.getDifferences().size());

        var parties = new JourneyReport.Parties(structure, funder, distributor, agency, operator, programme);
        return new JourneyReport(parties, printed.getCode(), printed.getVoucherId(), order.getOrderId(),
                redeemed.getRedemptionId(), statement.getStatementId(), views(parties, printed.getCode(),
                printed.getVoucherId(), redeemed.getRedemptionId(), statement.getStatementId()));
    }

    /** The money side of the programme once its voucher's reimbursement reached settlement's projections. */
    public JourneyReport.Books books(UUID funder, UUID programme, String operator) {
        FunderInvoice invoice = eventually("the funder's invoice", () ->
                clients.funderBilling("funder", funder.toString()).listFunderInvoices(funder).stream()
                        .filter(i -> programme.equals(i.getProgrammeId())).findFirst().orElse(null), i -> true);
        ReconciliationProgramme reconciled = eventually("the programme reconciled, its voucher reimbursed", () ->
                clients.reconciliation("operator", operator).getReconciliation(programme).getProgrammes().stream()
                        .findFirst().orElse(null), r -> r.getReimbursedCount() == 1 && r.getIssuedCount() > 0);
        TrialBalance trialBalance = eventually("the ledger's trial balance", () ->
                clients.ledger("operator", operator).getTrialBalance(null), t -> t.getTotalDebitCents() > 0);
        return new JourneyReport.Books(invoice, trialBalance, reconciled);
    }

    /** Reads every service's projection once the last events reached them. */
    public JourneyReport.Views views(JourneyReport.Parties parties, String code, UUID voucherId, UUID redemptionId,
                                     UUID statementId) {
        String structure = parties.structureId().toString();
        Voucher voucher = eventually("the voucher REIMBURSED in issuance-service's read model", () ->
                clients.vouchers("funder", parties.funderId().toString()).getVoucher(code),
                v -> v.getStatus() == Voucher.StatusEnum.REIMBURSED && v.getEventsApplied() >= VOUCHER_EVENTS);
        Statement statement = eventually("the statement PAID in settlement-service's read model", () ->
                clients.statements("structure", structure).getStatement(statementId),
                s -> s.getStatus() == Statement.StatusEnum.PAID);
        return new JourneyReport.Views(
                eventually("the label GRANTED in labelling-service's read model", () ->
                        clients.structures("structure", structure).getStructure(parties.structureId()),
                        s -> "GRANTED".equals(String.valueOf(s.getLabelStatus()))),
                eventually("the programme's counts in issuance-service", () ->
                        clients.programmes("funder", parties.funderId().toString()).getProgramme(parties.programmeId()),
                        p -> p.getRedeemed().getCount() > 0 && p.getReimbursed().getCount() > 0),
                voucher,
                eventually("the redemption in redemption-service's read model", () ->
                        clients.redemptions("structure", structure).getRedemption(redemptionId), r -> true),
                statement,
                eventually("the reimbursement in settlement-service's read model", () ->
                        clients.reimbursements("agency", parties.agencyId()).getVoucherReimbursement(voucherId), r -> true));
    }

    private void labelPlace(UUID structure, String agency) throws Exception {
        String siret = Sirets.random();
        var places = clients.structures("structure", structure.toString());
        places.registerStructure(new RegisterStructure().name("Connect & vous").siret(siret).legalForm("association")
                .address(new Address().street("2 rue de la Libération").postcode("30600").commune("Vauvert")
                        .departement("30")), key());
        places.applyForLabel(structure, new LabelApplication().services(List.of(SERVICE, "online-procedures")).charterAccepted(true), key());
        var granted = clients.labelDecisions("agency", agency).grantLabel(structure,
                new LabelGrant().conventionReference("ANCT-" + LocalDate.now().getYear() + "-030-" + siret.substring(10))
                        .validFrom(LocalDate.now()), key());
        say("labelling   place 'Connect & vous' (SIRET %s, Vauvert, 30) registered, applied, label granted (%d events)",
                siret, granted.getVersion());
    }

    private UUID openProgramme(UUID funder) throws Exception {
        int year = LocalDate.now().getYear();
        var opened = clients.programmes("funder", funder.toString()).openProgramme(new OpenProgramme()
                .name("Pass Numérique Gard " + year).funderName("Département du Gard")
                .funderType(OpenProgramme.FunderTypeEnum.DEPARTEMENT)
                .budgetCents(1_000_000L).faceValueCents(1000L).bookSize(10).territory(List.of("30"))
                .validUntil(LocalDate.of(year, 12, 31)).acceptedUntil(LocalDate.of(year + 1, 1, 31))
                .targetPublics(List.of("seniors")).feeRateBasisPoints(400), key());
        say("issuance    programme 'Pass Numérique Gard %d' opened by the Département du Gard: budget %s",
                year, euros(1_000_000L));
        return opened.getProgrammeId();
    }

    /** The place redeems as soon as redemption-service has seen the label and the handed-out voucher. */
    private Redeemed redeem(UUID structure, String code) {
        String idempotencyKey = key();
        RedeemVoucher request = new RedeemVoucher().code(code).service(SERVICE).staffMember("Camille");
        return eventually("redemption-service to accept the voucher", () ->
                clients.redemptions("structure", structure.toString()).redeemVoucher(idempotencyKey, request), r -> true);
    }

    /** The place's bank account, verified by the operator, who also lifts the holding period for the journey. */
    private void preparePayout(UUID structure, String operator) throws Exception {
        var account = clients.payoutAccounts("structure", structure.toString()).registerPayoutAccount(structure,
                new RegisterPayoutAccount().iban("FR7630006000011234567890189").bic("AGRIFRPPXXX")
                        .holderName("Connect & vous"), key());
        clients.payoutAccounts("operator", operator).verifyPayoutAccount(account.getAccountId(),
                new AccountDecision().reason("bank details checked"), key());
        clients.holdingPeriod("operator", operator).waiveHoldingPeriod(structure,
                new HoldingWaiver().reason("demonstration: pay at once"), key());
        say("settlement  the place's IBAN %s verified; holding period waived", account.getIban());
    }

    /** Settles everything redeemed since the journey began, once settlement-service has seen the redemption. */
    private IssuedStatement settle(UUID structure, String operator, OffsetDateTime start) {
        return eventually("a statement for the place", () -> {
            SettlementRunResult run = clients.settlementRuns("operator", operator).runSettlement(new OpenSettlementRun()
                    .periodStart(start).periodEnd(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
                    .name("demo-" + UUID.randomUUID()), key());
            return run.getStatements().stream().filter(s -> structure.equals(s.getStructureId())).findFirst().orElse(null);
        }, s -> s != null);
    }

    private static <T> T eventually(String what, Callable<T> call, Predicate<T> done) {
        return await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(call, value -> value != null && done.test(value));
    }

    private void say(String format, Object... args) {
        narrator.accept(String.format(format, args));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    public static String euros(Long cents) {
        return cents == null ? "-" : String.format("%d.%02d EUR", cents / 100, cents % 100);
    }
}
