package io.quotaflow.events;

import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.target.TargetEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final JsonMapper plain = JsonMapper.builder().build();

    static List<DomainEvent> everyEvent() {
        return EventSamples.all();
    }

    @Test
    void shouldHaveASampleForEveryRegisteredEvent() {
        Set<String> sampled = EventSamples.all().stream()
                .map(event -> event.getClass().getSimpleName())
                .collect(Collectors.toSet());

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(EventTypes.all().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void shouldRoundTripEveryEvent(DomainEvent event) {
        EventEnvelope<DomainEvent> envelope = EventSamples.envelope(event);

        EventEnvelope<DomainEvent> decoded = codec.decode(codec.encode(envelope));

        assertThat(decoded).isEqualTo(envelope);
        assertThat(decoded.payload()).isEqualTo(event);
    }

    @Test
    void shouldWriteMoneyAsDecimalStringsAndTimeAsIsoUtc() {
        EventEnvelope<DealClosed> envelope = EventSamples.envelope(EventSamples.dealClosed());

        JsonNode json = plain.readTree(codec.encode(envelope));

        assertThat(json.get("eventType").asString()).isEqualTo("DealClosed");
        assertThat(json.get("subject").asString()).isEqualTo("r-001");
        assertThat(json.get("occurredAt").asString()).isEqualTo("2026-12-03T06:30:00Z");
        JsonNode payload = json.get("payload");
        assertThat(payload.get("amount").isString()).isTrue();
        assertThat(payload.get("amount").asString()).isEqualTo("88000.00");
        assertThat(payload.get("currency").asString()).isEqualTo("CNY");
        assertThat(payload.get("dueDate").asString()).isEqualTo("2027-01-15");
    }

    @Test
    void shouldWritePeriodsAsYearMonth() {
        JsonNode json = plain.readTree(codec.encode(EventSamples.envelope(EventSamples.targetAssigned())));

        assertThat(json.at("/payload/period").asString()).isEqualTo("2026-12");
        assertThat(json.at("/payload/entity/type").asString()).isEqualTo("REP");
        assertThat(json.at("/subject").asString()).isEqualTo("REP:r-001");
    }

    @Test
    void shouldIgnoreUnknownFieldsAndUnknownEnumValues() {
        String json = new String(codec.encode(EventSamples.envelope(EventSamples.dealClosed())),
                StandardCharsets.UTF_8)
                .replace("\"payload\":{", "\"payload\":{\"addedInALaterRelease\":{\"x\":1},")
                .replace("\"REFERRAL\"", "\"HOLOGRAM\"")
                .replace("\"eventId\"", "\"traceparent\":\"00-abc\",\"eventId\"");

        EventEnvelope<ActivityEvent> decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8), ActivityEvent.class);

        DealClosed deal = (DealClosed) decoded.payload();
        assertThat(deal.amount()).isEqualByComparingTo("88000.00");
        assertThat(deal.channel()).isNull();
        assertThat(EventSamples.dealClosed().channel()).isEqualTo(LeadChannel.REFERRAL);
    }

    @Test
    void shouldRejectAnEventOfAnotherFamily() {
        byte[] deal = codec.encode(EventSamples.envelope(EventSamples.dealClosed()));

        assertThatThrownBy(() -> codec.decode(deal, TargetEvent.class))
                .isInstanceOf(EventCodec.MalformedEventException.class)
                .hasMessageContaining("DealClosed is not a TargetEvent");
    }

    @Test
    void shouldReportAnUnknownEventTypeSoConsumersCanSkipIt() {
        String json = "{\"eventId\":\"" + EventIds.of("x") + "\",\"eventType\":\"QuotaExploded\","
                + "\"eventVersion\":1,\"occurredAt\":\"2026-12-01T00:00:00Z\",\"source\":\"s\",\"subject\":\"r\","
                + "\"payload\":{}}";

        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.UnknownEventTypeException.class)
                .hasMessageContaining("QuotaExploded");
    }

    @Test
    void shouldRejectGarbageAsMalformed() {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"eventType\":\"DealClosed\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }

    @Test
    void shouldDecodeTheSameEnvelopeWhateverTheOrderOfItsFields() {
        EventEnvelope<DealClosed> envelope = EventSamples.envelope(EventSamples.dealClosed());
        JsonNode json = plain.readTree(codec.encode(envelope));
        tools.jackson.databind.node.ObjectNode payloadFirst = plain.createObjectNode();
        payloadFirst.set("payload", json.get("payload"));
        json.properties().forEach(field -> {
            if (!field.getKey().equals("payload")) {
                payloadFirst.set(field.getKey(), field.getValue());
            }
        });

        EventEnvelope<ActivityEvent> decoded = codec.decode(plain.writeValueAsBytes(payloadFirst), ActivityEvent.class);

        assertThat(decoded).isEqualTo(envelope);
    }

    @Test
    void shouldRejectAPayloadThatIsNotItsEventAsMalformed() {
        String json = "{\"eventId\":\"" + EventIds.of("x") + "\",\"eventType\":\"DealClosed\","
                + "\"eventVersion\":1,\"occurredAt\":\"2026-12-01T00:00:00Z\",\"source\":\"s\",\"subject\":\"r\","
                + "\"payload\":{\"amount\":\"lots\"}}";

        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.MalformedEventException.class)
                .hasMessageStartingWith("DealClosed: ");
    }

    @Test
    void shouldRejectAnythingButOneJsonObjectAsMalformed() {
        byte[] envelope = codec.encode(EventSamples.envelope(EventSamples.dealClosed()));
        byte[] twice = (new String(envelope, StandardCharsets.UTF_8) + " {}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(twice)).isInstanceOf(EventCodec.MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(EventCodec.MalformedEventException.class);
    }
}
