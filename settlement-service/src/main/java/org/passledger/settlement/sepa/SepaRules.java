package org.passledger.settlement.sepa;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The rules of the EPC's SEPA Credit Transfer customer-to-bank implementation guidelines that the ISO 20022
 * schema does not carry: a bank refuses the whole file on any of them, so they are checked before a file is kept.
 */
public final class SepaRules {

    /** The Latin character set every SEPA bank must accept. */
    private static final Pattern LATIN = Pattern.compile("[A-Za-z0-9/?:().,'+ -]*");
    private static final BigDecimal LEAST = new BigDecimal("0.01");
    private static final BigDecimal MOST = new BigDecimal("999999999.99");
    private static final String[] IDENTIFIERS = {"MsgId", "PmtInfId", "InstrId", "EndToEndId"};

    private SepaRules() {
    }

    /** Throws IllegalStateException naming every broken rule, or returns when the file keeps them all. */
    public static void check(String document) {
        List<String> broken = brokenRules(document);
        if (!broken.isEmpty()) {
            throw new IllegalStateException("breaks the EPC SEPA rules: " + String.join("; ", broken));
        }
    }

    /** Every broken rule, in document order; empty when the file keeps them all. */
    public static List<String> brokenRules(String xml) {
        Document document = parse(xml);
        List<String> broken = new ArrayList<>();
        characterSet(document.getDocumentElement(), broken);
        for (String identifier : IDENTIFIERS) {
            for (String id : texts(document, identifier)) {
                if (id.startsWith("/") || id.endsWith("/") || id.contains("//")) {
                    broken.add(identifier + " '" + id + "' starts or ends with '/' or contains '//'");
                }
            }
        }
        Set<String> endToEndIds = new HashSet<>();
        for (String id : texts(document, "EndToEndId")) {
            if (!endToEndIds.add(id)) {
                broken.add("EndToEndId '" + id + "' is used twice: each statement is its own transfer");
            }
        }
        texts(document, "Cd").stream().filter(code -> !"SEPA".equals(code))
                .forEach(code -> broken.add("service level '" + code + "' is not SEPA"));
        if (texts(document, "Cd").isEmpty()) {
            broken.add("no service level SEPA");
        }
        texts(document, "ChrgBr").stream().filter(bearer -> !"SLEV".equals(bearer))
                .forEach(bearer -> broken.add("charge bearer '" + bearer + "' is not SLEV"));
        texts(document, "Nm").stream().filter(name -> name.length() > 70)
                .forEach(name -> broken.add("name longer than 70 characters: '" + name + "'"));
        texts(document, "IBAN").stream().filter(iban -> !ibanCheckDigitsHold(iban))
                .forEach(iban -> broken.add("IBAN " + iban + " fails its check digits"));
        amounts(document, broken);
        return broken;
    }

    private static void amounts(Document document, List<String> broken) {
        NodeList amounts = document.getElementsByTagNameNS(CreditTransferFile.NAMESPACE, "InstdAmt");
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < amounts.getLength(); i++) {
            Element amount = (Element) amounts.item(i);
            if (!"EUR".equals(amount.getAttribute("Ccy"))) {
                broken.add("amount in " + amount.getAttribute("Ccy") + ", not EUR");
            }
            BigDecimal value = new BigDecimal(amount.getTextContent().strip());
            if (value.compareTo(LEAST) < 0 || value.compareTo(MOST) > 0 || value.scale() > 2) {
                broken.add("amount " + value + " outside 0.01 to 999999999.99 with at most two decimals");
            }
            sum = sum.add(value);
        }
        for (String count : texts(document, "NbOfTxs")) {
            if (Integer.parseInt(count) != amounts.getLength()) {
                broken.add("NbOfTxs " + count + " but " + amounts.getLength() + " transfers");
            }
        }
        for (String control : texts(document, "CtrlSum")) {
            if (new BigDecimal(control).compareTo(sum) != 0) {
                broken.add("CtrlSum " + control + " but the transfers sum to " + sum);
            }
        }
    }

    private static void characterSet(Node node, List<String> broken) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE && !LATIN.matcher(child.getNodeValue().strip()).matches()) {
                broken.add(node.getLocalName() + " '" + child.getNodeValue() + "' is outside the SEPA character set");
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                characterSet(child, broken);
            }
        }
    }

    /** ISO 13616: the country code and check digits moved to the end, letters as numbers, modulo 97 is 1. */
    static boolean ibanCheckDigitsHold(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static List<String> texts(Document document, String element) {
        NodeList nodes = document.getElementsByTagNameNS(CreditTransferFile.NAMESPACE, element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException("not a readable XML document: " + e.getMessage(), e);
        }
    }
}
