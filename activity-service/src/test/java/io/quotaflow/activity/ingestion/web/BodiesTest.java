package io.quotaflow.activity.ingestion.web;

import io.quotaflow.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodiesTest {

    @Test
    void shouldRefuseAnOverlongUtf8SequenceTheJsonParserWouldReadAsASlash() {
        byte[] body = bytes("{\"externalId\":\"a", new byte[]{(byte) 0xC0, (byte) 0xAF}, "etc\"}");

        assertThatThrownBy(() -> Bodies.json(body)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(p -> p.field() + " " + p.message())
                        .containsExactly("body is not valid UTF-8"));
    }

    @Test
    void shouldRefuseALoneContinuationByteAndATruncatedSequence() {
        assertThatThrownBy(() -> Bodies.json(bytes("{\"a\":\"", new byte[]{(byte) 0x80}, "\"}")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Bodies.json(bytes("{\"a\":\"", new byte[]{(byte) 0xE4, (byte) 0xB8}, "\"}")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldReadValidUtf8IncludingChinese() {
        assertThat(Bodies.json("{\"note\":\"跟进客户\"}".getBytes(StandardCharsets.UTF_8)).get("note").asString())
                .isEqualTo("跟进客户");
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
