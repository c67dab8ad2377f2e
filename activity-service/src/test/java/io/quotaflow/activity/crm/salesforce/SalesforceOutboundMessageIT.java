package io.quotaflow.activity.crm.salesforce;

import io.quotaflow.activity.ActivityApi;
import io.quotaflow.activity.PublishedActivities;
import io.quotaflow.activity.TestOrg;
import io.quotaflow.activity.TestRates;
import io.quotaflow.activity.crm.CrmTestSettings;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.activity.OpportunityStageChanged;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.testsupport.ServiceIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Salesforce Outbound Messages in the documented SOAP format, on the real broker. */
@ServiceIT
class SalesforceOutboundMessageIT {

    private static final String OWNER = "0055g00000AbCdEAAV";

    @Autowired
    RestTestClient http;
    @Autowired
    OrgDirectory org;

    private PublishedActivities published;

    @BeforeEach
    void setUp() {
        TestRates.ensureForCrm(org, http, "salesforce", OWNER);
        published = PublishedActivities.tail();
    }

    @AfterEach
    void closeTap() {
        published.close();
    }

    @Test
    void shouldLetIsWonDecideAWinNotTheStageLabel() {
        String won = sfId("006");
        String notWon = sfId("006");

        String answer = send(List.of(
                opportunity(won, Map.of("IsWon", "true", "IsClosed", "true", "StageName", "Negotiation/Review",
                        "Amount", "1000.55", "CurrencyIsoCode", "USD")),
                opportunity(notWon, Map.of("IsWon", "false", "IsClosed", "false", "StageName", "Closed Won"))))
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(answer).contains("<Ack>true</Ack>").contains("notificationsResponse");
        DealClosed closed = (DealClosed) awaitEvent(EventIds.of("salesforce", won, "DEAL_CLOSED"));
        assertThat(closed.repId()).isEqualTo(TestOrg.REP);
        assertThat(closed.customerId()).isEqualTo("0015g00000XyZaBAAV");
        assertThat(closed.dealId()).isEqualTo(won);
        assertThat(closed.amount()).isEqualByComparingTo("7238.48");
        assertThat(closed.originalCurrency()).isEqualTo("USD");
        assertThat(closed.occurredAt()).isEqualTo(Instant.parse("2027-01-19T06:30:00Z"));
        OpportunityStageChanged stage = (OpportunityStageChanged) awaitEvent(EventIds.of("salesforce",
                notWon + ":Closed Won", "OPPORTUNITY_STAGE_CHANGED"));
        assertThat(stage.stage()).isEqualTo("Closed Won");
    }

    @Test
    void shouldReadTheConfiguredOpportunityFieldsIntoAWin() {
        String won = sfId("006");

        send(List.of(opportunity(won, Map.of("IsWon", "true", "StageName", "Closed Won", "Amount", "1000.55",
                "CurrencyIsoCode", "USD", "LeadSource", "Partner Referral", "Product_Line__c", "pl-cloud",
                "Sales_Region__c", "east", "Gross_Margin__c", "400.2", "Promotion_Code__c", "DOUBLE12"))))
                .expectStatus().isOk();

        DealClosed closed = (DealClosed) awaitEvent(EventIds.of("salesforce", won, "DEAL_CLOSED"));
        assertThat(closed.productLine()).isEqualTo("pl-cloud");
        assertThat(closed.regionId()).isEqualTo("east");
        assertThat(closed.grossMargin()).as("400.20 USD at 7.2345").isEqualByComparingTo("2895.25");
        assertThat(closed.promotionCode()).isEqualTo("DOUBLE12");
        assertThat(closed.channel()).isEqualTo(LeadChannel.PARTNER);
    }

    @Test
    void shouldLogCallTasksWithTheirDurationAndEventsAsMeetings() {
        String call = sfId("00T");
        String todo = sfId("00T");
        String meeting = sfId("00U");
        String deal = sfId("006");
        Map<String, String> callFields = new LinkedHashMap<>(Map.of("Id", call, "OwnerId", OWNER,
                "AccountId", "0015g00000XyZaBAAV", "WhatId", deal, "CallType", "Outbound",
                "CallDurationInSeconds", "300", "TaskSubtype", "Call", "Subject", "Call", "CreatedDate",
                "2027-01-19T02:15:00.000Z"));
        callFields.put("Description", null);

        send(List.of(
                notification("Task", callFields),
                notification("Task", Map.of("Id", todo, "OwnerId", OWNER, "TaskSubtype", "Task", "Subject",
                        "Send contract", "CreatedDate", "2027-01-19T02:15:00.000Z")),
                notification("Event", Map.of("Id", meeting, "OwnerId", OWNER, "AccountId", "0015g00000XyZaBAAV",
                        "StartDateTime", "2027-01-19T05:00:00.000Z", "EndDateTime", "2027-01-19T06:00:00.000Z",
                        "DurationInMinutes", "60", "Type", "Meeting", "Subject", "Demo"))))
                .expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body).contains("<Ack>true</Ack>"));

        FollowUpLogged logged = (FollowUpLogged) awaitEvent(EventIds.of("salesforce", call, "FOLLOW_UP_LOGGED"));
        assertThat(logged.channel()).isEqualTo(FollowUpChannel.CALL);
        assertThat(logged.durationSeconds()).isEqualTo(300);
        assertThat(logged.dealId()).isEqualTo(deal);
        assertThat(logged.occurredAt()).isEqualTo(Instant.parse("2027-01-19T02:15:00Z"));
        FollowUpLogged met = (FollowUpLogged) awaitEvent(EventIds.of("salesforce", meeting, "FOLLOW_UP_LOGGED"));
        assertThat(met.channel()).isEqualTo(FollowUpChannel.MEETING);
        assertThat(met.durationSeconds()).isEqualTo(3600);
        published.assertNoneOf(EventIds.of("salesforce", todo, "FOLLOW_UP_LOGGED"));
    }

    @Test
    void shouldNotAcknowledgeAMessageWithOneBadNotificationAndPublishNoneOfIt() {
        String good = sfId("006");
        String bad = sfId("006");

        List<io.quotaflow.web.FieldProblem> problems = ActivityApi.problems(send(List.of(
                opportunity(good, Map.of("IsWon", "true", "StageName", "Closed Won", "Amount", "500.00")),
                opportunity(bad, Map.of("IsWon", "true", "StageName", "Closed Won", "Amount", "-3.00")))),
                HttpStatus.BAD_REQUEST);

        assertThat(problems).extracting(problem -> problem.field()).containsExactly("Notification[1].sObject.Amount");
        published.assertNoneOf(EventIds.of("salesforce", good, "DEAL_CLOSED"));
    }

    @Test
    void shouldNameTheOpportunityFieldOfABadGrossMarginAndPublishNoneOfTheMessage() {
        String good = sfId("006");
        String bad = sfId("006");

        List<io.quotaflow.web.FieldProblem> problems = ActivityApi.problems(send(List.of(
                opportunity(good, Map.of("IsWon", "true", "StageName", "Closed Won", "Amount", "500.00",
                        "Gross_Margin__c", "120.00")),
                opportunity(bad, Map.of("IsWon", "true", "StageName", "Closed Won", "Amount", "500.00",
                        "Gross_Margin__c", "0.425")))),
                HttpStatus.BAD_REQUEST);

        assertThat(problems).containsExactly(new io.quotaflow.web.FieldProblem(
                "Notification[1].sObject.Gross_Margin__c", "must have at most 2 decimals"));
        published.assertNoneOf(EventIds.of("salesforce", good, "DEAL_CLOSED"),
                EventIds.of("salesforce", bad, "DEAL_CLOSED"));
    }

    @Test
    void shouldRefuseAnotherOrganisationsMessage() {
        String deal = sfId("006");

        send("00D000000000001AAA", List.of(opportunity(deal, Map.of("IsWon", "true", "Amount", "9.00"))))
                .expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        published.assertNoneOf(EventIds.of("salesforce", deal, "DEAL_CLOSED"));
    }

    @Test
    void shouldAcknowledgeARedeliveredMessageWithoutPublishingItAgain() {
        String deal = sfId("006");
        List<OutboundMessages.Notification> notifications = List.of(opportunity(deal,
                Map.of("IsWon", "true", "Amount", "12.00")));

        send(notifications).expectStatus().isOk();
        send(notifications).expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("<Ack>true</Ack>"));

        UUID id = EventIds.of("salesforce", deal, "DEAL_CLOSED");
        awaitEvent(id);
        assertThat(published.copiesOf(id)).isEqualTo(1);
    }

    private RestTestClient.ResponseSpec send(List<OutboundMessages.Notification> notifications) {
        return send(CrmTestSettings.SALESFORCE_ORG, notifications);
    }

    private RestTestClient.ResponseSpec send(String organization, List<OutboundMessages.Notification> notifications) {
        return http.post().uri("/api/crm/salesforce").contentType(MediaType.parseMediaType("text/xml; charset=utf-8"))
                .header("SOAPAction", "\"\"").body(OutboundMessages.message(organization, notifications)).exchange();
    }

    private static OutboundMessages.Notification opportunity(String id, Map<String, String> more) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Id", id);
        fields.put("AccountId", "0015g00000XyZaBAAV");
        fields.put("OwnerId", OWNER);
        fields.put("CloseDate", "2027-01-19");
        fields.put("CreatedDate", "2026-12-10T02:00:00.000Z");
        fields.put("LastModifiedDate", "2027-01-19T06:30:00.000Z");
        fields.putAll(more);
        return notification("Opportunity", fields);
    }

    private static OutboundMessages.Notification notification(String type, Map<String, String> fields) {
        return new OutboundMessages.Notification("04l5g" + UUID.randomUUID().toString().substring(0, 13).replace("-", ""),
                type, fields);
    }

    /** A Salesforce-like 18-character id with the given key prefix. */
    private static String sfId(String prefix) {
        return (prefix + UUID.randomUUID().toString().replace("-", "")).substring(0, 18);
    }

    private ActivityEvent awaitEvent(UUID id) {
        return published.await(id);
    }
}
