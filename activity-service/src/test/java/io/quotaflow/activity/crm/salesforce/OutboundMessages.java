package io.quotaflow.activity.crm.salesforce;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Salesforce Outbound Messages as Salesforce sends them: a SOAP {@code notifications} element of the outbound
 * messaging WSDL ({@code http://soap.sforce.com/2005/09/outbound}) with the organisation, the action, the API URLs
 * and each {@code Notification}'s id and {@code sObject} ({@code xsi:type="sf:Opportunity"}, fields in
 * {@code urn:sobject.enterprise.soap.sforce.com}).
 */
final class OutboundMessages {

    private OutboundMessages() {
    }

    /** One notification: its id, the sObject's type and fields (a {@code null} value is sent as {@code xsi:nil}). */
    record Notification(String id, String type, Map<String, String> fields) {
    }

    static byte[] message(String organizationId, List<Notification> notifications) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
                xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                 <soapenv:Body>
                  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
                """);
        xml.append("   <OrganizationId>").append(organizationId).append("</OrganizationId>\n")
                .append("   <ActionId>04k5g000000TN3oAAG</ActionId>\n")
                .append("   <SessionId xsi:nil=\"true\"/>\n")
                .append("   <EnterpriseUrl>https://example.my.salesforce.com/services/Soap/c/59.0/00D5g000004bXYZ</EnterpriseUrl>\n")
                .append("   <PartnerUrl>https://example.my.salesforce.com/services/Soap/u/59.0/00D5g000004bXYZ</PartnerUrl>\n");
        for (Notification notification : notifications) {
            xml.append("   <Notification>\n    <Id>").append(notification.id()).append("</Id>\n")
                    .append("    <sObject xsi:type=\"sf:").append(notification.type())
                    .append("\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">\n");
            notification.fields().forEach((name, value) -> {
                if (value == null) {
                    xml.append("     <sf:").append(name).append(" xsi:nil=\"true\"/>\n");
                } else {
                    xml.append("     <sf:").append(name).append('>').append(value).append("</sf:").append(name)
                            .append(">\n");
                }
            });
            xml.append("    </sObject>\n   </Notification>\n");
        }
        xml.append("  </notifications>\n </soapenv:Body>\n</soapenv:Envelope>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
