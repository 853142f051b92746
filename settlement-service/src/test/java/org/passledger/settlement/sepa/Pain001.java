package org.passledger.settlement.sepa;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Reads a pain.001 file back in tests: schema validation with javax.xml.validation, and its figures. */
public final class Pain001 {

    /** One transaction as the file states it. */
    public record Tx(String endToEndId, BigDecimal amount, String currency, String iban, String bic, String name) {
    }

    private Pain001() {
    }

    /** Validates against the XSD kept in src/main/resources; throws on the first violation. */
    public static void validate(String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(Pain001.class.getClassLoader().getResource(Pain001Schema.RESOURCE));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    public static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    public static String first(Document document, String element) {
        return document.getElementsByTagNameNS(CreditTransferFile.NAMESPACE, element).item(0).getTextContent();
    }

    public static List<Tx> transactions(Document document) {
        NodeList nodes = document.getElementsByTagNameNS(CreditTransferFile.NAMESPACE, "CdtTrfTxInf");
        List<Tx> txs = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element tx = (Element) nodes.item(i);
            Element amount = (Element) tx.getElementsByTagNameNS(CreditTransferFile.NAMESPACE, "InstdAmt").item(0);
            txs.add(new Tx(text(tx, "EndToEndId"), new BigDecimal(amount.getTextContent()),
                    amount.getAttribute("Ccy"), text(tx, "IBAN"), text(tx, "BIC"), text(tx, "Nm")));
        }
        return txs;
    }

    private static String text(Element parent, String element) {
        return parent.getElementsByTagNameNS(CreditTransferFile.NAMESPACE, element).item(0).getTextContent();
    }
}
