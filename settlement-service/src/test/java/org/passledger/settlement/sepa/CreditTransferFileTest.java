package org.passledger.settlement.sepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passledger.settlement.sepa.CreditTransferFile.Debtor;
import org.passledger.settlement.sepa.CreditTransferFile.Transfer;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

class CreditTransferFileTest {

    static final Debtor DEBTOR = new Debtor("Pass Numérique - opérateur", "FR7630001007941234567890185", "BDFEFRPPCCT");
    static final List<Transfer> TRANSFERS = List.of(
            new Transfer("2026-000001", 1999, "Association Connect & vous", "FR7630006000011234567890189",
                    "AGRIFRPPXXX", "Pass Numerique releve 2026-000001"),
            new Transfer("2026-000002", 100_001, "Médiathèque d'Aigues-Mortes", "FR1420041010050500013M02606",
                    "PSSTFRPPMON", "Pass Numerique releve 2026-000002"),
            new Transfer("2026-000003", 5, "Espace numérique", "DE89370400440532013000", "COBADEFFXXX",
                    "Pass Numerique releve 2026-000003"));

    static String file() {
        return CreditTransferFile.write("PLB-20260402-0001", Instant.parse("2026-04-02T08:30:15.123Z"),
                LocalDate.of(2026, 4, 3), DEBTOR, TRANSFERS);
    }

    @Test
    void theFile_isValidAgainstThePain001Schema() throws Exception {
        String xml = file();
        Pain001.validate(xml);
        Pain001Schema.validate(xml);
    }

    @Test
    void theFilesSums_equalTheTransfersToTheCent() throws Exception {
        Document document = Pain001.parse(file());
        assertThat(Pain001.first(document, "NbOfTxs")).isEqualTo("3");
        assertThat(new BigDecimal(Pain001.first(document, "CtrlSum"))).isEqualByComparingTo("1020.05");
        assertThat(Pain001.transactions(document)).extracting(Pain001.Tx::amount)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("19.99"), new BigDecimal("1000.01"), new BigDecimal("0.05"));
        assertThat(Pain001.transactions(document)).extracting(Pain001.Tx::currency).containsOnly("EUR");
        assertThat(Pain001.first(document, "CreDtTm")).isEqualTo("2026-04-02T10:30:15");
        assertThat(Pain001.first(document, "ReqdExctnDt")).isEqualTo("2026-04-03");
    }

    @Test
    void names_areWrittenInTheSepaCharacterSet() throws Exception {
        Document document = Pain001.parse(file());
        assertThat(Pain001.transactions(document)).extracting(Pain001.Tx::name)
                .containsExactly("Association Connect vous", "Mediatheque d'Aigues-Mortes", "Espace numerique");
        assertThat(CreditTransferFile.latin("x".repeat(80), 70)).hasSize(70);
    }

    @Test
    void theSchema_rejectsAFileThatBreaksIt() {
        String broken = file().replace("<IBAN>FR7630006000011234567890189</IBAN>", "<IBAN>not an iban</IBAN>");
        assertThatThrownBy(() -> Pain001.validate(broken)).isInstanceOf(SAXException.class);
        String reordered = file().replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>CASH</PmtMtd>");
        assertThatThrownBy(() -> Pain001Schema.validate(reordered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFile_keepsTheEpcSepaRules() {
        assertThat(SepaRules.brokenRules(file())).isEmpty();
        SepaRules.check(file());
    }

    @Test
    void theEpcRules_catchWhatTheIsoSchemaLetsThrough() {
        String twice = file().replace("<EndToEndId>2026-000002</EndToEndId>", "<EndToEndId>2026-000001</EndToEndId>");
        assertThat(SepaRules.brokenRules(twice)).anySatisfy(rule -> assertThat(rule).contains("used twice"));
        String accented = file().replace("Espace numerique", "Espace numérique");
        assertThat(SepaRules.brokenRules(accented)).anySatisfy(rule -> assertThat(rule).contains("character set"));
        String notSepa = file().replace("<Cd>SEPA</Cd>", "<Cd>NURG</Cd>");
        assertThat(SepaRules.brokenRules(notSepa)).anySatisfy(rule -> assertThat(rule).contains("not SEPA"));
        String slashes = file().replace("<MsgId>PLB-20260402-0001</MsgId>", "<MsgId>PLB//0001</MsgId>");
        assertThat(SepaRules.brokenRules(slashes)).anySatisfy(rule -> assertThat(rule).contains("'//'"));
        String badIban = file().replace("FR7630006000011234567890189", "FR7630006000011234567890188");
        assertThat(SepaRules.brokenRules(badIban)).anySatisfy(rule -> assertThat(rule).contains("check digits"));
        String wrongSum = file().replaceFirst("<CtrlSum>1020.05</CtrlSum>", "<CtrlSum>1020.06</CtrlSum>");
        assertThat(SepaRules.brokenRules(wrongSum)).anySatisfy(rule -> assertThat(rule).contains("CtrlSum"));
        assertThatThrownBy(() -> SepaRules.check(twice)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EPC SEPA rules");
    }

    @Test
    void amounts_areWrittenFromCents() {
        assertThat(CreditTransferFile.euros(0)).isEqualTo("0.00");
        assertThat(CreditTransferFile.euros(7)).isEqualTo("0.07");
        assertThat(CreditTransferFile.euros(123456)).isEqualTo("1234.56");
    }
}
