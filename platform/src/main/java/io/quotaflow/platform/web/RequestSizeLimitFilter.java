package io.quotaflow.platform.web;

import io.quotaflow.web.BodyLimit;
import io.quotaflow.web.ProblemFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Refuses request bodies above {@code quotaflow.http.max-body-size} with 413 before anything reads them.
 * Multipart uploads have their own, larger limit ({@code quotaflow.http.max-upload-size}).
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final ProblemResponses problems;

    RequestSizeLimitFilter(DataSize maxBody, DataSize maxUpload, ProblemResponses problems) {
        this.maxBodyBytes = maxBody.toBytes();
        this.maxUploadBytes = maxUpload.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean multipart = request.getContentType() != null
                && request.getContentType().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
        long limit = multipart ? maxUploadBytes : maxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            problems.write(response, ProblemFactory.tooLarge(new BodyLimit(multipart ? "file" : "body", limit)));
            return;
        }
        chain.doFilter(request, response);
    }
}
