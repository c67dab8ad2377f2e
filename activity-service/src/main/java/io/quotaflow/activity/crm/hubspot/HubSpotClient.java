package io.quotaflow.activity.crm.hubspot;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.quotaflow.activity.crm.CrmProperties;
import io.quotaflow.activity.crm.CrmUnavailableException;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads CRM objects from HubSpot's API ({@code GET /crm/v3/objects/{type}/{id}}) with the private app's token, each
 * call through the Resilience4j time limiter, retry and circuit breaker named {@code hubspot}. An object that no
 * longer exists (404) is absent; any other failure — errors, time-outs, the breaker open — is a
 * {@link CrmUnavailableException}, answered 503 so that HubSpot delivers the webhook again.
 */
@Component
class HubSpotClient {

    static final String NAME = "hubspot";

    private final CrmProperties.HubSpot settings;
    private final JsonMapper json;
    private final HttpClient http;
    private final ExecutorService calls;
    private final TimeLimiter timeLimiter;
    private final Retry retry;
    private final CircuitBreaker breaker;

    HubSpotClient(CrmProperties crm, JsonMapper json, MeterRegistry meters) {
        this.settings = crm.hubspot();
        this.json = json;
        CrmProperties.Resilience resilience = settings.resilience();
        AtomicInteger threads = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "hubspot-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().connectTimeout(resilience.timeout()).executor(calls).build();
        TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                .timeoutDuration(resilience.timeout()).cancelRunningFuture(true).build());
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom().maxAttempts(resilience.maxAttempts())
                .waitDuration(resilience.retryWait()).retryOnException(HubSpotClient::worthRetrying).build());
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(resilience.failureRateThreshold())
                .slidingWindowSize(resilience.slidingWindowSize())
                .minimumNumberOfCalls(resilience.minimumNumberOfCalls())
                .waitDurationInOpenState(resilience.waitInOpenState()).build());
        this.timeLimiter = timeLimiters.timeLimiter(NAME);
        this.retry = retries.retry(NAME);
        this.breaker = breakers.circuitBreaker(NAME);
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    /**
     * The object with the given properties and associations, as HubSpot's CRM API answers it:
     * {@code {"id","properties":{…},"associations":{"companies":{"results":[{"id","type"}]}},…}}.
     */
    Optional<JsonNode> fetch(String objectType, String id, List<String> properties, List<String> associations) {
        URI uri = settings.apiBaseUrl().resolve("/crm/v3/objects/" + objectType + "/" + encode(id)
                + "?properties=" + encode(String.join(",", properties))
                + (associations.isEmpty() ? "" : "&associations=" + encode(String.join(",", associations)))
                + "&archived=false");
        try {
            return retry.executeCallable(() -> breaker.executeCallable(() -> timeLimiter.executeFutureSupplier(
                    () -> CompletableFuture.supplyAsync(() -> get(uri), calls))));
        } catch (Exception e) {
            throw new CrmUnavailableException("HubSpot's API could not be read (" + objectType + " " + id + ")", e);
        }
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    private Optional<JsonNode> get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.resilience().timeout())
                .header("Authorization", "Bearer " + (settings.accessToken() == null ? "" : settings.accessToken()))
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new HubSpotCallFailed("HubSpot did not answer: " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubSpotCallFailed("interrupted", false);
        }
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status / 100 != 2) {
            throw new HubSpotCallFailed("HubSpot answered " + status, status == 429 || status >= 500);
        }
        return Optional.of(json.readTree(response.body()));
    }

    private static boolean worthRetrying(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        return !(cause instanceof HubSpotCallFailed failed) || failed.transientFailure;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @PreDestroy
    void stop() {
        calls.shutdownNow();
    }

    /** HubSpot answered with an error, or not at all; {@code transientFailure} when trying again may help. */
    static final class HubSpotCallFailed extends RuntimeException {
        private final boolean transientFailure;

        HubSpotCallFailed(String message, boolean transientFailure) {
            super(message);
            this.transientFailure = transientFailure;
        }
    }
}
