package io.quotaflow.gateway.web;

import io.quotaflow.web.BodyLimit;
import io.quotaflow.web.HttpLimits;
import io.quotaflow.web.RequestBodyTooLargeException;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds request bodies to {@link HttpLimits} before anything is routed: a declared {@code Content-Length} above
 * the limit is refused at once, and every body, chunked ones (which declare no length) too, is counted as it
 * flows to the service; the buffer that passes the limit ends the body with {@link RequestBodyTooLargeException}
 * instead, so the service never receives a whole body, and {@link GatewayErrorHandler} answers 413.
 */
public class RequestSizeLimitFilter implements WebFilter, Ordered {

    private final HttpLimits limits;

    public RequestSizeLimitFilter(HttpLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        BodyLimit limit = limits.forContentType(headers.getFirst(HttpHeaders.CONTENT_TYPE));
        if (limit.isExceededBy(headers.getContentLength())) {
            return Mono.error(limit.exceeded());
        }
        return chain.filter(exchange.mutate().request(new CountedRequest(exchange.getRequest(), limit)).build());
    }

    @Override
    public int getOrder() {
        // Right after the correlation id, so that even a refusal carries one.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    private static final class CountedRequest extends ServerHttpRequestDecorator {

        private final BodyLimit limit;

        CountedRequest(ServerHttpRequest request, BodyLimit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong count = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (limit.isExceededBy(count.addAndGet(buffer.readableByteCount()))) {
                    DataBufferUtils.release(buffer);
                    sink.error(limit.exceeded());
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
