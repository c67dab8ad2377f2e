package io.quotaflow.web;

import org.springframework.util.unit.DataSize;

import java.util.Locale;

/**
 * How many bytes the body of one request may have, and the field a refusal names: {@code body}, or {@code file}
 * for a multipart upload, which has its own, larger limit.
 */
public record BodyLimit(String field, long maxBytes) {

    public static final String BODY = "body";
    public static final String FILE = "file";

    /** The limit for a request of {@code contentType} (which may be {@code null}). */
    public static BodyLimit forContentType(String contentType, DataSize maxBody, DataSize maxUpload) {
        boolean multipart = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
        return multipart ? new BodyLimit(FILE, maxUpload.toBytes()) : new BodyLimit(BODY, maxBody.toBytes());
    }

    /** Whether {@code bytes} (declared, or counted so far) are more than the limit allows. */
    public boolean isExceededBy(long bytes) {
        return bytes > maxBytes;
    }

    /** {@code 2048 KB}: how the limit is named to clients. */
    public String describe() {
        return DataSize.ofBytes(maxBytes).toKilobytes() + " KB";
    }
}
