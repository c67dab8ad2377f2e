package io.quotaflow.activity.crm.salesforce;

import io.quotaflow.web.InvalidInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Salesforce Outbound Message: the SOAP {@code notifications} call of the outbound messaging WSDL, with the
 * sending {@code OrganizationId} and up to 100 {@code Notification}s, each the {@code Id} of the notification and an
 * {@code sObject} ({@code xsi:type="sf:Opportunity"}, {@code sf:Task}, {@code sf:Event}, …) with the fields the
 * outbound message was set up to send. Parsed without DTDs or external entities.
 */
record OutboundMessage(String organizationId, List<Notification> notifications) {

    static final String OUTBOUND = "http://soap.sforce.com/2005/09/outbound";
    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final int MAX_NOTIFICATIONS = 100;

    /** @param type the sObject's type without its prefix ({@code Opportunity}); fields by name, {@code xsi:nil} absent */
    record Notification(String id, String type, Map<String, String> fields) {
    }

    /** @throws InvalidInputException naming {@code body} when it is not such a message */
    static OutboundMessage parse(byte[] body) {
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(body));
        } catch (SAXParseException e) {
            throw new InvalidInputException("body", "is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ")");
        } catch (SAXException | IOException e) {
            throw new InvalidInputException("body", "is not well-formed XML");
        }
        Element envelope = document.getDocumentElement();
        if (!SOAP.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw new InvalidInputException("body", "is not a SOAP envelope");
        }
        Element notifications = first(envelope, OUTBOUND, "notifications");
        if (notifications == null) {
            throw new InvalidInputException("body", "holds no Salesforce outbound notifications");
        }
        Element organization = child(notifications, "OrganizationId");
        List<Notification> parsed = new ArrayList<>();
        for (Element notification : children(notifications, "Notification")) {
            parsed.add(notification(notification, parsed.size()));
        }
        if (parsed.isEmpty()) {
            throw new InvalidInputException("Notification", "at least one is required");
        }
        if (parsed.size() > MAX_NOTIFICATIONS) {
            throw new InvalidInputException("Notification", "must be at most " + MAX_NOTIFICATIONS);
        }
        return new OutboundMessage(organization == null ? null : organization.getTextContent().trim(), parsed);
    }

    private static Notification notification(Element notification, int index) {
        Element id = child(notification, "Id");
        Element object = child(notification, "sObject");
        if (object == null) {
            throw new InvalidInputException("Notification[" + index + "].sObject", "is required");
        }
        String type = object.getAttributeNS(XSI, "type");
        type = type.contains(":") ? type.substring(type.indexOf(':') + 1) : type;
        Map<String, String> fields = new LinkedHashMap<>();
        NodeList nodes = object.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element field && !"true".equals(field.getAttributeNS(XSI, "nil"))) {
                fields.put(field.getLocalName(), field.getTextContent().trim());
            }
        }
        return new Notification(id == null ? null : id.getTextContent().trim(), type, fields);
    }

    private static Element first(Element root, String namespace, String name) {
        NodeList found = root.getElementsByTagNameNS(namespace, name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && OUTBOUND.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be made safe", e);
        }
    }
}
