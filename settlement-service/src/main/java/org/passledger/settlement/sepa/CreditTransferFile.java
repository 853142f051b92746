package org.passledger.settlement.sepa;

import java.io.StringWriter;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.passledger.settlement.domain.StatementNumber;

/**
 * A SEPA credit transfer initiation (ISO 20022 pain.001.001.03): one payment information block debiting the
 * operator's account, one transaction per statement. Amounts are written from integer cents, so the file's
 * sums are the statements' to the cent.
 */
public final class CreditTransferFile {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

    /** The account the money leaves from. */
    public record Debtor(String name, String iban, String bic) {
    }

    /** One transfer: a statement paid to the account copied into its payment instruction. */
    public record Transfer(String endToEndId, long amountCents, String creditorName, String creditorIban,
                           String creditorBic, String remittance) {
    }

    private CreditTransferFile() {
    }

    public static String write(String messageId, Instant createdAt, LocalDate executionDate, Debtor debtor,
                               List<Transfer> transfers) {
        if (transfers.isEmpty()) {
            throw new IllegalArgumentException("a credit transfer file needs at least one transfer");
        }
        long total = 0;
        for (Transfer transfer : transfers) {
            total = Math.addExact(total, transfer.amountCents());
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Document");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("CstmrCdtTrfInitn");

            xml.writeStartElement("GrpHdr");
            text(xml, "MsgId", messageId);
            text(xml, "CreDtTm", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    createdAt.truncatedTo(ChronoUnit.SECONDS).atZone(StatementNumber.BOOKS_ZONE).toLocalDateTime()));
            text(xml, "NbOfTxs", String.valueOf(transfers.size()));
            text(xml, "CtrlSum", euros(total));
            xml.writeStartElement("InitgPty");
            text(xml, "Nm", latin(debtor.name(), 70));
            xml.writeEndElement();
            xml.writeEndElement();

            xml.writeStartElement("PmtInf");
            text(xml, "PmtInfId", messageId);
            text(xml, "PmtMtd", "TRF");
            text(xml, "NbOfTxs", String.valueOf(transfers.size()));
            text(xml, "CtrlSum", euros(total));
            xml.writeStartElement("PmtTpInf");
            xml.writeStartElement("SvcLvl");
            text(xml, "Cd", "SEPA");
            xml.writeEndElement();
            xml.writeEndElement();
            text(xml, "ReqdExctnDt", executionDate.toString());
            party(xml, "Dbtr", debtor.name());
            account(xml, "DbtrAcct", debtor.iban());
            agent(xml, "DbtrAgt", debtor.bic());
            text(xml, "ChrgBr", "SLEV");
            for (Transfer transfer : transfers) {
                xml.writeStartElement("CdtTrfTxInf");
                xml.writeStartElement("PmtId");
                text(xml, "InstrId", transfer.endToEndId());
                text(xml, "EndToEndId", transfer.endToEndId());
                xml.writeEndElement();
                xml.writeStartElement("Amt");
                xml.writeStartElement("InstdAmt");
                xml.writeAttribute("Ccy", "EUR");
                xml.writeCharacters(euros(transfer.amountCents()));
                xml.writeEndElement();
                xml.writeEndElement();
                agent(xml, "CdtrAgt", transfer.creditorBic());
                party(xml, "Cdtr", transfer.creditorName());
                account(xml, "CdtrAcct", transfer.creditorIban());
                xml.writeStartElement("RmtInf");
                text(xml, "Ustrd", latin(transfer.remittance(), 140));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();

            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the credit transfer file", e);
        }
        return out.toString();
    }

    /** Integer cents as a decimal amount in euros: 1234 -> "12.34". */
    public static String euros(long cents) {
        if (cents < 0) {
            throw new IllegalArgumentException("a transfer amount is never negative: " + cents);
        }
        return (cents / 100) + "." + String.format("%02d", cents % 100);
    }

    /**
     * Text in the character set every SEPA bank accepts (a-z A-Z 0-9 / - ? : ( ) . , ' + and space): accents are
     * dropped, other characters become spaces.
     */
    public static String latin(String text, int maxLength) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9/?:().,'+ -]", " ").replaceAll(" +", " ").strip();
        if (plain.isEmpty()) {
            plain = "-";
        }
        return plain.length() > maxLength ? plain.substring(0, maxLength) : plain;
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void party(XMLStreamWriter xml, String element, String name) throws XMLStreamException {
        xml.writeStartElement(element);
        text(xml, "Nm", latin(name, 70));
        xml.writeEndElement();
    }

    private static void account(XMLStreamWriter xml, String element, String iban) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("Id");
        text(xml, "IBAN", iban);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void agent(XMLStreamWriter xml, String element, String bic) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("FinInstnId");
        text(xml, "BIC", bic);
        xml.writeEndElement();
        xml.writeEndElement();
    }
}
