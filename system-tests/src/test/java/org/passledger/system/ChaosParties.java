package org.passledger.system;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.passledger.clients.issuance.model.OpenProgramme;
import org.passledger.clients.issuance.model.RegisterDistributor;
import org.passledger.clients.labelling.model.Address;
import org.passledger.clients.labelling.model.LabelApplication;
import org.passledger.clients.labelling.model.LabelGrant;
import org.passledger.clients.labelling.model.RegisterStructure;
import org.passledger.clients.settlement.model.AccountDecision;
import org.passledger.clients.settlement.model.HoldingWaiver;
import org.passledger.clients.settlement.model.RegisterPayoutAccount;
import org.passledger.tools.journey.Clients;
import org.passledger.tools.journey.Sirets;

/**
 * Who takes part in the chaos run, set up before any fault: two labelled places in the Gard, each with a
 * verified bank account and no holding period, a funder's programme and the distributor that hands its vouchers
 * out.
 */
record ChaosParties(UUID placeA, UUID placeB, UUID funder, UUID distributor, UUID programme, String operator) {

    static final String SERVICE = "first-steps-computer";
    static final long FACE_VALUE_CENTS = 1000;
    private static final String AGENCY = "anct";

    static ChaosParties prepare(Clients clients) throws Exception {
        UUID funder = UUID.randomUUID();
        UUID distributor = UUID.randomUUID();
        String operator = "operator-chaos";
        UUID placeA = labelledPlace(clients, "Vauvert", operator);
        UUID placeB = labelledPlace(clients, "Aigues-Mortes", operator);
        int year = LocalDate.now().getYear();
        var programmes = clients.programmes("funder", funder.toString());
        UUID programme = programmes.openProgramme(new OpenProgramme().name("Pass Numérique Gard, chaos " + year)
                .funderName("Département du Gard").funderType(OpenProgramme.FunderTypeEnum.DEPARTEMENT)
                .budgetCents(1_000_000_000L).faceValueCents(FACE_VALUE_CENTS).bookSize(10).territory(List.of("30"))
                .validUntil(LocalDate.of(year, 12, 31)).acceptedUntil(LocalDate.of(year + 1, 1, 31)), key())
                .getProgrammeId();
        programmes.registerDistributor(programme, new RegisterDistributor().distributorId(distributor)
                .name("CCAS de Vauvert").kind(RegisterDistributor.KindEnum.CCAS), key());
        return new ChaosParties(placeA, placeB, funder, distributor, programme, operator);
    }

    private static UUID labelledPlace(Clients clients, String commune, String operator) throws Exception {
        UUID place = UUID.randomUUID();
        var structures = clients.structures("structure", place.toString());
        structures.registerStructure(new RegisterStructure().name("Espace numérique " + commune)
                .siret(Sirets.random()).legalForm("association").address(new Address().street("1 place de la Mairie")
                        .postcode("30600").commune(commune).departement("30")), key());
        structures.applyForLabel(place, new LabelApplication().services(List.of(SERVICE)).charterAccepted(true), key());
        clients.labelDecisions("agency", AGENCY).grantLabel(place, new LabelGrant()
                .conventionReference("ANCT-" + place.toString().substring(0, 8)).validFrom(LocalDate.now()), key());
        var account = clients.payoutAccounts("structure", place.toString()).registerPayoutAccount(place,
                new RegisterPayoutAccount().iban(frenchIban()).bic("AGRIFRPPXXX").holderName("Espace " + commune), key());
        clients.payoutAccounts("operator", operator).verifyPayoutAccount(account.getAccountId(),
                new AccountDecision().reason("bank details checked"), key());
        clients.holdingPeriod("operator", operator).waiveHoldingPeriod(place,
                new HoldingWaiver().reason("chaos run: pay at once"), key());
        return place;
    }

    /** A French IBAN of random digits with valid check digits (ISO 13616: mod 97 of the rearranged number is 1). */
    static String frenchIban() {
        StringBuilder bban = new StringBuilder();
        for (int i = 0; i < 23; i++) {
            bban.append(ThreadLocalRandom.current().nextInt(10));
        }
        // F = 15, R = 27, check digits 00 while computing them
        int remainder = new BigInteger(bban + "152700").mod(BigInteger.valueOf(97)).intValue();
        return String.format("FR%02d%s", 98 - remainder, bban);
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
