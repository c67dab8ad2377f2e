package io.quotaflow.platform.web;

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
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than the limit of " + DataSize.ofBytes(limit).toKilobytes() + " KB.");
            problem.setProperty("errors", List.of(new FieldProblem(multipart ? "file" : "body", "is too large")));
            problems.write(response, problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
