package io.quotaflow.web;

import org.springframework.util.unit.DataSize;

import java.util.Locale;

/**
 * How large a request may be ({@code quotaflow.http.*}, the same at the gateway and in every service): a body up
 * to {@code maxBodySize} (2 MB), a multipart upload up to {@code maxUploadSize} (10 MB).
 */
public record HttpLimits(DataSize maxBodySize, DataSize maxUploadSize) {

    public static final String PREFIX = "quotaflow.http";

    public HttpLimits {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(2) : maxBodySize;
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(10) : maxUploadSize;
    }

    /** The limit for a request of {@code contentType} (which may be {@code null}). */
    public BodyLimit forContentType(String contentType) {
        boolean multipart = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
        return multipart ? forUploads() : new BodyLimit(BodyLimit.BODY, maxBodySize.toBytes());
    }

    public BodyLimit forUploads() {
        return new BodyLimit(BodyLimit.FILE, maxUploadSize.toBytes());
    }
}
