package io.quotaflow.web;

import org.springframework.util.unit.DataSize;

/**
 * How many bytes the body of one request may have (see {@link HttpLimits}), and the field a refusal names:
 * {@code body}, or {@code file} for a multipart upload, which has its own, larger limit.
 */
public record BodyLimit(String field, long maxBytes) {

    public static final String BODY = "body";
    public static final String FILE = "file";

    /** Whether {@code bytes} (declared, or counted so far) are more than the limit allows. */
    public boolean isExceededBy(long bytes) {
        return bytes > maxBytes;
    }

    /** What a reader throws once more bytes arrived than the limit allows. */
    public RequestBodyTooLargeException exceeded() {
        return new RequestBodyTooLargeException(this);
    }

    /** {@code 2048 KB}: how the limit is named to clients. */
    public String describe() {
        return DataSize.ofBytes(maxBytes).toKilobytes() + " KB";
    }
}
