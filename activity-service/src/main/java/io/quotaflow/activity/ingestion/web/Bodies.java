package io.quotaflow.activity.ingestion.web;

import io.quotaflow.activity.ingestion.RawActivity;
import io.quotaflow.platform.web.InvalidInputException;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Request bodies as ingestion reads them: the raw bytes (signatures are computed over them) up to a limit, also
 * when the body is sent in chunks without a length, and strict JSON: exact decimals, no duplicate members, nothing
 * after the value, bounded nesting.
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
     * The whole body.
     *
     * @throws BodyTooLargeException when it is longer than {@code limit} bytes (answered 413)
     */
    public static byte[] read(HttpServletRequest request, long limit) {
        if (request.getContentLengthLong() > limit) {
            throw new BodyTooLargeException(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw new BodyTooLargeException(limit);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    /**
     * The body as JSON.
     *
     * @throws InvalidInputException naming {@code body} when it is empty or not valid JSON
     */
    public static JsonNode json(byte[] body) {
        if (body.length == 0 || isBlank(body)) {
            throw new InvalidInputException("body", "is required");
        }
        try {
            return STRICT.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new InvalidInputException("body", "is not valid JSON" + where + ": " + e.getOriginalMessage());
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

    /** The body is longer than the limit; answered 413 naming {@code body}. */
    public static final class BodyTooLargeException extends RuntimeException {

        private final long limit;

        public BodyTooLargeException(long limit) {
            super("The request body is larger than the limit of " + limit + " bytes.");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
