package io.quotaflow.localstack.demo;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityFeedsTest {

    private static final DemoData DEMO = new DemoGenerator(DemoScenario.standard().withReps(5), ZoneId.of("Asia/Shanghai"))
            .generate(YearMonth.of(2026, 12));
    private final ActivityFeeds feeds = new ActivityFeeds(null,
            new ActivityFeeds.Secrets("secret", "00DQF0000000DEMOAA", null), DEMO.reps());

    @Test
    void shouldSignTheGenericWebhookWithHmacSha256OfTimestampDotBody() {
        // RFC 4231, test case 2: HMAC-SHA256 of "what do ya want for nothing?" under "Jefe"
        assertThat(ActivityFeeds.hmacHex("Jefe", "what do ya ", "want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void shouldWriteCallsVisitsAndStagesAsSalesforceOutboundNotificationsOfTheRepsOwner() throws Exception {
        DemoActivity call = first(a -> a.route() == DemoActivity.Route.SALESFORCE && "CALL".equals(a.field("channel")));
        DemoActivity visit = first(a -> "VISIT".equals(a.field("channel")));
        DemoActivity stage = first(a -> a.route() == DemoActivity.Route.SALESFORCE
                && a.type().equals("OPPORTUNITY_STAGE_CHANGED"));

        Document xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feeds.salesforce(List.of(call, visit, stage))));

        assertThat(xml.getElementsByTagName("OrganizationId").item(0).getTextContent()).isEqualTo("00DQF0000000DEMOAA");
        NodeList objects = xml.getElementsByTagName("sObject");
        assertThat(objects.getLength()).isEqualTo(3);
        assertThat(field(objects, 0, "Id")).isEqualTo(call.field("externalId"));
        assertThat(field(objects, 0, "CallDurationInSeconds")).isEqualTo(call.field("durationSeconds"));
        assertThat(field(objects, 0, "CreatedDate")).isEqualTo(call.field("occurredAt"));
        assertThat(field(objects, 0, "OwnerId")).isEqualTo(rep(call).salesforceUserId());
        assertThat(field(objects, 1, "Type")).isEqualTo("Visit");
        assertThat(Integer.parseInt(field(objects, 1, "DurationInMinutes")) * 60)
                .isEqualTo(Integer.parseInt(visit.field("durationSeconds")));
        assertThat(field(objects, 2, "Id")).isEqualTo(stage.field("dealId"));
        assertThat(field(objects, 2, "Id") + ":" + field(objects, 2, "StageName")).isEqualTo(stage.field("externalId"));
        assertThat(field(objects, 2, "IsWon")).isEqualTo("false");
        assertThat(field(objects, 2, "LastModifiedDate")).isEqualTo(stage.field("occurredAt"));
    }

    @Test
    void shouldPutEveryFieldOfAnActivityInTheBatchBody() {
        DemoActivity deal = first(a -> a.type().equals("DEAL_CLOSED"));

        var body = ActivityFeeds.batch(List.of(deal));

        assertThat(body.path("activities")).hasSize(1);
        deal.fields().forEach((name, value) ->
                assertThat(body.path("activities").path(0).path(name).asString()).as(name).isEqualTo(value));
    }

    private static DemoActivity first(java.util.function.Predicate<DemoActivity> which) {
        return DEMO.current().stream().filter(which).findFirst().orElseThrow();
    }

    private static DemoRep rep(DemoActivity activity) {
        return DEMO.reps().stream().filter(r -> r.id().equals(activity.repId())).findFirst().orElseThrow();
    }

    private static String field(NodeList objects, int index, String name) {
        NodeList fields = ((Element) objects.item(index)).getElementsByTagName("sf:" + name);
        return fields.getLength() == 0 ? null : fields.item(0).getTextContent();
    }
}
