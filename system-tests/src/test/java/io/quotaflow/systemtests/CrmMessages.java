package io.quotaflow.systemtests;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** What CRMs send: the generic webhook's signature and Salesforce Outbound Messages. */
final class CrmMessages {

    private CrmMessages() {
    }

    /** {@code X-Quotaflow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
    static String signature(String secret, Instant at, byte[] body) {
        String timestamp = Long.toString(at.getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One notification of an Outbound Message: its sObject's type ({@code Opportunity}, {@code Task}) and fields. */
    record Notification(String id, String type, Map<String, String> fields) {
    }

    /** A SOAP {@code notifications} message as Salesforce's outbound messaging sends it. */
    static byte[] outboundMessage(String organizationId, List<Notification> notifications) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                 <soapenv:Body>
                  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
                """);
        xml.append("   <OrganizationId>").append(organizationId).append("</OrganizationId>\n")
                .append("   <ActionId>04kE2E000000001AAA</ActionId>\n");
        for (Notification notification : notifications) {
            xml.append("   <Notification>\n    <Id>").append(notification.id()).append("</Id>\n")
                    .append("    <sObject xsi:type=\"sf:").append(notification.type())
                    .append("\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">\n");
            notification.fields().forEach((name, value) -> xml.append("     <sf:").append(name).append('>')
                    .append(value).append("</sf:").append(name).append(">\n"));
            xml.append("    </sObject>\n   </Notification>\n");
        }
        xml.append("  </notifications>\n </soapenv:Body>\n</soapenv:Envelope>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
