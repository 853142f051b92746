package org.passledger.settlement.sepa;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** The official ISO 20022 pain.001.001.03 schema, kept with the service (see sepa/README.md), for validating files. */
public final class Pain001Schema {

    public static final String RESOURCE = "sepa/pain.001.001.03.xsd";
    private static final Schema SCHEMA = load();

    private Pain001Schema() {
    }

    private static Schema load() {
        URL xsd = Pain001Schema.class.getClassLoader().getResource(RESOURCE);
        if (xsd == null) {
            throw new IllegalStateException("missing " + RESOURCE);
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load " + RESOURCE, e);
        }
    }

    /** Throws IllegalStateException naming the first violation when the document is not valid. */
    public static void validate(String document) {
        try {
            var validator = SCHEMA.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(document)));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("not a valid pain.001.001.03 document: " + e.getMessage(), e);
        }
    }
}
