package io.quotaflow.activity.ingestion.web;

import io.quotaflow.activity.ingestion.RawActivity;
import io.quotaflow.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Request bodies as ingestion reads them: the raw bytes (signatures are computed over them), and strict JSON: valid
 * UTF-8 (no overlong forms, which the JSON parser would decode leniently, so {@code 0xC0 0xAF} became a slash),
 * exact decimals, no duplicate members, nothing after the value, bounded nesting.
 */
public final class Bodies {

    /** The array of a batch body. */
    public static final String ACTIVITIES = "activities";

    private static final JsonMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                            .maxStringLength(1_000_000).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Bodies() {
    }

    /**
     * The whole body. Its size is held to {@code quotaflow.http.max-body-size} by the platform as it is read, chunked
     * bodies too (413 naming {@code body}).
     */
    public static byte[] read(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    /**
     * The body as JSON.
     *
     * @throws InvalidInputException naming {@code body} when it is empty, not valid UTF-8 or not valid JSON
     */
    public static JsonNode json(byte[] body) {
        if (body.length == 0 || isBlank(body)) {
            throw new InvalidInputException("body", "is required");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("body", "is not valid UTF-8");
        }
        try {
            return STRICT.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new InvalidInputException("body", "is not valid JSON" + where);
        }
    }

    /**
     * The items of a batch body, {@code {"activities":[…]}}.
     *
     * @throws InvalidInputException naming {@code activities} when there is no such array, or it is empty or too long
     */
    public static List<RawActivity> batch(JsonNode body, int maxBatchSize) {
        JsonNode items = body.isObject() ? body.get(ACTIVITIES) : null;
        if (items == null || !items.isArray()) {
            throw new InvalidInputException(ACTIVITIES, "is required: an array of activities");
        }
        if (items.isEmpty()) {
            throw new InvalidInputException(ACTIVITIES, "must hold at least one activity");
        }
        if (items.size() > maxBatchSize) {
            throw new InvalidInputException(ACTIVITIES, "must hold at most " + maxBatchSize + " activities");
        }
        List<RawActivity> activities = new ArrayList<>(items.size());
        items.forEach(item -> activities.add(RawActivity.fromJson(item)));
        return activities;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
