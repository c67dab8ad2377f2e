package io.quotaflow.activity.crm.salesforce;

import io.quotaflow.activity.crm.CrmProperties;
import io.quotaflow.activity.crm.CrmRejectedException;
import io.quotaflow.activity.ingestion.Field;
import io.quotaflow.activity.ingestion.Ingestion;
import io.quotaflow.activity.ingestion.Outcome;
import io.quotaflow.activity.ingestion.RawActivity;
import io.quotaflow.activity.ingestion.Via;
import io.quotaflow.activity.ingestion.web.Bodies;
import io.quotaflow.activity.rates.RateService;
import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Salesforce Outbound Messages: a SOAP {@code notifications} call of up to 100 notifications from the configured
 * organisation (another one's: 403; none configured: 401). The message is taken whole or not at all: a notification
 * that cannot be ingested refuses the message (400 naming {@code Notification[i].sObject.<field>}), and it is
 * acknowledged ({@code <Ack>true</Ack>}) only once Kafka acknowledged every notification's event; if publishing
 * fails the answer is a SOAP fault, so Salesforce delivers the whole message again (what was published is then a
 * duplicate). Notifications that are no activity (a to-do task) are acknowledged and ignored.
 */
@RestController
class SalesforceController {

    private static final Logger log = LoggerFactory.getLogger(SalesforceController.class);
    private static final MediaType TEXT_XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
    private static final String ACK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soapenv:Envelope xmlns:soapenv=\"" + OutboundMessage.SOAP + "\"><soapenv:Body>"
            + "<notificationsResponse xmlns=\"" + OutboundMessage.OUTBOUND + "\"><Ack>true</Ack></notificationsResponse>"
            + "</soapenv:Body></soapenv:Envelope>";

    private final Ingestion ingestion;
    private final CrmProperties crm;
    private final SalesforceNotifications notifications;

    SalesforceController(Ingestion ingestion, CrmProperties crm, RateService rates) {
        this.ingestion = ingestion;
        this.crm = crm;
        this.notifications = new SalesforceNotifications(crm.salesforce(), rates.reportingCurrency());
    }

    @PostMapping("/api/crm/salesforce")
    ResponseEntity<String> receive(HttpServletRequest request) {
        long received = System.nanoTime();
        String organization = crm.salesforce().organizationId();
        if (organization == null || organization.isBlank()) {
            throw CrmRejectedException.unauthenticated("no Salesforce organisation is configured");
        }
        OutboundMessage message = OutboundMessage.parse(Bodies.read(request));
        if (!sameOrganization(organization, message.organizationId())) {
            throw CrmRejectedException.wrongOrganisation("outbound messages of organisation "
                    + message.organizationId() + " are not accepted");
        }
        List<RawActivity> activities = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<Map<Field, String>> origins = new ArrayList<>();
        for (int i = 0; i < message.notifications().size(); i++) {
            Optional<SalesforceNotifications.Mapped> mapped = notifications.map(message.notifications().get(i));
            if (mapped.isPresent()) {
                activities.add(mapped.get().activity());
                origins.add(mapped.get().origins());
                indexes.add(i);
            }
        }
        Ingestion.Prepared prepared = ingestion.prepare(activities, Via.SALESFORCE);
        if (prepared.hasRejections()) {
            List<FieldProblem> problems = new ArrayList<>();
            prepared.rejections().forEach((k, outcome) -> problems.addAll(named(indexes.get(k), origins.get(k), outcome)));
            throw new InvalidInputException(problems);
        }
        try {
            ingestion.commit(prepared, received);
        } catch (RuntimeException e) {
            log.warn("Salesforce message not acknowledged: {}", e.toString());
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(TEXT_XML)
                    .body(fault("Server", "The notifications could not all be stored; nothing is acknowledged. "
                            + "Deliver the message again."));
        }
        return ResponseEntity.ok().contentType(TEXT_XML).body(ACK);
    }

    /** Salesforce ids are 15 characters, case-sensitive, or the same 15 and 3 more: the first 15 decide. */
    private static boolean sameOrganization(String configured, String sent) {
        return sent != null && sent.length() >= 15 && configured.length() >= 15
                && sent.substring(0, 15).equals(configured.substring(0, 15));
    }

    private static List<FieldProblem> named(int index, Map<Field, String> origins, Outcome outcome) {
        List<FieldProblem> named = new ArrayList<>();
        for (FieldProblem problem : outcome.problems()) {
            String sObjectField = Field.byWireName(problem.field()).map(origins::get).orElse(null);
            named.add(new FieldProblem("Notification[" + index + "]."
                    + (sObjectField == null ? problem.field() : "sObject." + sObjectField), problem.message()));
        }
        return named;
    }

    static String fault(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"" + OutboundMessage.SOAP
                + "\"><soapenv:Body><soapenv:Fault><faultcode>soapenv:" + code + "</faultcode><faultstring>"
                + HtmlUtils.htmlEscape(message) + "</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>";
    }
}
