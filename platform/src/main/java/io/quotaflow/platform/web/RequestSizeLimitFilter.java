package io.quotaflow.platform.web;

import io.quotaflow.web.BodyLimit;
import io.quotaflow.web.HttpLimits;
import io.quotaflow.web.ProblemFactory;
import io.quotaflow.web.RequestBodyTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Holds request bodies to {@link HttpLimits}: a declared {@code Content-Length} above the limit is refused with 413
 * before anything is read, and every body, chunked ones (which declare no length) too, is counted as it is read:
 * the read that passes the limit throws {@link RequestBodyTooLargeException}, so the handler never gets a body it
 * could store. {@link ApiExceptionHandler} answers that 413; so does this filter when it surfaces here.
 *
 * <p>Multipart uploads have their own, larger limit, which Boot's multipart support enforces as it parses.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final HttpLimits limits;
    private final ProblemResponses problems;

    RequestSizeLimitFilter(HttpLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyLimit limit = limits.forContentType(request.getContentType());
        if (limit.isExceededBy(request.getContentLengthLong())) {
            problems.write(response, ProblemFactory.tooLarge(limit));
            return;
        }
        try {
            chain.doFilter(new CountedRequest(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.foundIn(e);
            if (tooLarge == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            problems.write(response, ProblemFactory.tooLarge(tooLarge.limit()));
        }
    }

    /** The request with its body counted, however it is read. */
    private static final class CountedRequest extends HttpServletRequestWrapper {

        private final BodyLimit limit;
        private ServletInputStream body;
        private BufferedReader reader;

        CountedRequest(HttpServletRequest request, BodyLimit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new CountedInputStream(super.getInputStream(), limit);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
                        : Charset.forName(getCharacterEncoding());
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    private static final class CountedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final BodyLimit limit;
        private long count;

        CountedInputStream(ServletInputStream in, BodyLimit limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) throws RequestBodyTooLargeException {
            count += bytes;
            if (limit.isExceededBy(count)) {
                throw limit.exceeded();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
