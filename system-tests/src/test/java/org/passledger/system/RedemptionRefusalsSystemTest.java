package org.passledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passledger.clients.issuance.model.ConfirmFunding;
import org.passledger.clients.issuance.model.ConsignBooks;
import org.passledger.clients.issuance.model.DistributeVoucher;
import org.passledger.clients.issuance.model.OpenProgramme;
import org.passledger.clients.issuance.model.OrderBooks;
import org.passledger.clients.issuance.model.OrderPlaced;
import org.passledger.clients.issuance.model.RegisterDistributor;
import org.passledger.clients.labelling.model.Address;
import org.passledger.clients.labelling.model.LabelApplication;
import org.passledger.clients.labelling.model.LabelDecisionReason;
import org.passledger.clients.labelling.model.LabelGrant;
import org.passledger.clients.labelling.model.RegisterStructure;
import org.passledger.clients.redemption.ApiException;
import org.passledger.clients.redemption.model.RedeemVoucher;
import org.passledger.clients.redemption.model.ValidateVoucher;
import org.passledger.testkit.TestTokens;
import org.passledger.tools.journey.Clients;
import org.passledger.tools.journey.ServiceUrls;
import org.passledger.tools.journey.Sirets;

/**
 * Redemption-service decides alone, from what the other services published: each voucher that must not be
 * redeemed here and now is refused with its own code, across the real processes.
 */
class RedemptionRefusalsSystemTest {

    private static final String SERVICE = "first-steps-computer";
    private static final String AGENCY = "anct";
    private static Clients clients;
    private static UUID funder;
    private static UUID distributor;

    @BeforeAll
    static void start() throws Exception {
        clients = new Clients(LedgerStack.shared().urls(), TestTokens::token);
        funder = UUID.randomUUID();
        distributor = UUID.randomUUID();
    }

    @Test
    void anIssuedButUnfundedVoucher_isRefused_voucherNotActivated() throws Exception {
        UUID place = labelledPlace("30600", "Vauvert", "30");
        UUID programme = programme(List.of());
        OrderPlaced unfunded = order(programme);
        assertRefused(place, unfunded.getVouchers().get(0).getCode(), SERVICE, "voucher-not-activated");
    }

    @Test
    void aFundedVoucherNeverHandedOut_isRefused_voucherNotDistributed() throws Exception {
        UUID place = labelledPlace("30600", "Vauvert", "30");
        UUID programme = programme(List.of());
        OrderPlaced order = fundedOrder(programme);
        assertRefused(place, order.getVouchers().get(0).getCode(), SERVICE, "voucher-not-distributed");
    }

    @Test
    void aPlaceWhoseLabelIsSuspended_isRefused_structureNotLabelled() throws Exception {
        UUID place = labelledPlace("30000", "Nîmes", "30");
        clients.labelDecisions("agency", AGENCY).suspendLabel(place,
                new LabelDecisionReason().reason("inspection pending"), key());
        UUID programme = programme(List.of());
        String code = handedOut(programme);
        assertRefused(place, code, SERVICE, "structure-not-labelled");
    }

    @Test
    void aPlaceOutsideTheProgrammesTerritory_isRefused_outsideTerritory() throws Exception {
        UUID place = labelledPlace("34000", "Montpellier", "34");
        UUID programme = programme(List.of());
        String code = handedOut(programme);
        assertRefused(place, code, SERVICE, "outside-territory");
    }

    @Test
    void aServiceTheProgrammeDoesNotAllow_isRefused_serviceNotAllowed() throws Exception {
        UUID place = labelledPlace("30600", "Vauvert", "30");
        UUID programme = programme(List.of("online-procedures"));
        String code = handedOut(programme);
        assertRefused(place, code, SERVICE, "service-not-allowed");
    }

    @Test
    void aVoucherPastItsAcceptanceDate_isRefused_voucherExpired() throws Exception {
        UUID place = labelledPlace("30600", "Vauvert", "30");
        UUID programme = programme(List.of());
        String code = handedOut(programme);
        // a second redemption-service whose clock runs 400 days ahead: past 31 January next year, label still in force
        ServiceProcess later = LedgerStack.shared().startAnotherInstance("redemption-service",
                Map.of("LEDGER_CLOCK_OFFSET", "P400D"));
        try {
            var urls = LedgerStack.shared().urls();
            Clients atTheCounterLater = new Clients(new ServiceUrls(urls.labelling(), urls.issuance(), later.baseUrl(),
                    urls.settlement()), TestTokens::token);
            assertRefused(atTheCounterLater, place, code, SERVICE, "voucher-expired");
        } finally {
            later.stop();
        }
    }

    /**
     * Redemption-service learns from the topics: wait until its validation (which writes nothing) gives the
     * refusal, so that no attempt can redeem the voucher while a fact is still on its way; then redeem once.
     */
    private static void assertRefused(UUID place, String code, String service, String expectedCode) {
        assertRefused(clients, place, code, service, expectedCode);
    }

    private static void assertRefused(Clients clients, UUID place, String code, String service, String expectedCode) {
        var counter = clients.redemptions("structure", place.toString());
        await(expectedCode).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(counter.validateVoucher(new ValidateVoucher().code(code).service(service)).getCode())
                        .isEqualTo(expectedCode));
        try {
            counter.redeemVoucher(key(), new RedeemVoucher().code(code).service(service));
            throw new AssertionError("the voucher was redeemed; expected " + expectedCode);
        } catch (ApiException refused) {
            assertThat(refused.getCode()).isEqualTo(409);
            assertThat(refused.getResponseBody()).contains("\"code\":\"" + expectedCode + "\"");
        }
    }

    private static UUID labelledPlace(String postcode, String commune, String departement) throws Exception {
        UUID place = UUID.randomUUID();
        var structures = clients.structures("structure", place.toString());
        structures.registerStructure(new RegisterStructure().name("Espace numérique " + commune).siret(Sirets.random())
                .legalForm("association").address(new Address().street("1 place de la Mairie").postcode(postcode)
                        .commune(commune).departement(departement)), key());
        structures.applyForLabel(place, new LabelApplication().services(List.of(SERVICE, "online-procedures"))
                .charterAccepted(true), key());
        clients.labelDecisions("agency", AGENCY).grantLabel(place, new LabelGrant()
                .conventionReference("ANCT-" + place.toString().substring(0, 8)).validFrom(LocalDate.now()), key());
        return place;
    }

    private static UUID programme(List<String> allowedServices) throws Exception {
        int year = LocalDate.now().getYear();
        UUID programme = clients.programmes("funder", funder.toString()).openProgramme(new OpenProgramme()
                .name("Pass Numérique Gard " + year).funderName("Département du Gard")
                .funderType(OpenProgramme.FunderTypeEnum.DEPARTEMENT).budgetCents(100_000L).bookSize(5)
                .territory(List.of("30")).validUntil(LocalDate.of(year, 12, 31))
                .acceptedUntil(LocalDate.of(year + 1, 1, 31)).allowedServices(allowedServices), key()).getProgrammeId();
        clients.programmes("funder", funder.toString()).registerDistributor(programme, new RegisterDistributor()
                .distributorId(distributor).name("France Services Vauvert")
                .kind(RegisterDistributor.KindEnum.FRANCE_SERVICES), key());
        return programme;
    }

    private static OrderPlaced order(UUID programme) throws Exception {
        return clients.programmes("funder", funder.toString()).orderBooks(programme, new OrderBooks().books(1), key());
    }

    private static OrderPlaced fundedOrder(UUID programme) throws Exception {
        OrderPlaced order = order(programme);
        clients.programmes("funder", funder.toString()).confirmFunding(order.getOrderId(), programme,
                new ConfirmFunding().paymentOrderReference("PO-" + order.getOrderId().toString().substring(0, 8)), key());
        return order;
    }

    /** A funded voucher, consigned to the distributor and handed out to a beneficiary. */
    private static String handedOut(UUID programme) throws Exception {
        OrderPlaced order = fundedOrder(programme);
        var first = order.getVouchers().get(0);
        clients.programmes("funder", funder.toString()).consignBooks(programme, new ConsignBooks()
                .distributorId(distributor).bookIds(List.of(first.getBookId())), key());
        clients.vouchers("distributor", distributor.toString())
                .distributeVoucher(new DistributeVoucher().code(first.getCode()), key());
        return first.getCode();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
