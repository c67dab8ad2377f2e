package io.quotaflow.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stand-ins for the four services behind the gateway: real HTTP servers that read and record each request
 * they receive and answer with who they are, or as a {@link Responder} given for the service says. A service can
 * be stopped and started again on the same port. (The end-to-end run with the real services is in system-tests.)
 */
final class StubServices {

    static final List<String> NAMES = List.of("target-service", "activity-service", "kpi-service", "incentive-service");

    private static StubServices shared;

    private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, Responder> responders = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StubServices() {
        NAMES.forEach(name -> start(name, 0));
    }

    /** One set of stubs for every test class that runs the gateway through {@link StubbedGateway}. */
    static synchronized StubServices shared() {
        if (shared == null) {
            shared = new StubServices();
        }
        return shared;
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String service) {
        return received.stream().filter(request -> request.service().equals(service)).toList();
    }

    void clear() {
        received.clear();
    }

    /** From now on {@code service} answers as {@code responder} says (where it returns {@code null}, as usual). */
    void answer(String service, Responder responder) {
        responders.put(service, responder);
    }

    /** Back to answering with who they are, everywhere. */
    void answerAsUsual() {
        responders.clear();
    }

    void stop(String service) {
        HttpServer server = servers.remove(service);
        if (server != null) {
            server.stop(0);
        }
    }

    /** Starts a stopped service again, on the port it had. */
    void restart(String service) {
        if (!servers.containsKey(service)) {
            start(service, ports.get(service));
        }
    }

    private void start(String name, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/", exchange -> answer(name, exchange));
            server.setExecutor(Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, name + "-stub");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            servers.put(name, server);
            ports.put(name, server.getAddress().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(String name, HttpExchange exchange) throws IOException {
        // Like a real service, read the whole body before answering.
        byte[] requestBody;
        try (InputStream body = exchange.getRequestBody()) {
            requestBody = body.readAllBytes();
        } catch (IOException cutOff) {
            requestBody = null;
        }
        Received request = new Received(name, exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Correlation-Id"),
                exchange.getRequestHeaders().getFirst("X-Forwarded-For"), requestBody != null,
                exchange.getRequestURI().getRawQuery(),
                requestBody == null ? "" : new String(requestBody, StandardCharsets.UTF_8));
        received.add(request);
        if (!request.wholeBody()) {
            exchange.close();
            return;
        }
        Responder responder = responders.get(name);
        Answer answer = responder == null ? null : responder.answer(request);
        if (answer == null) {
            answer = Answer.json(200, "{\"service\":\"" + name + "\"}");
        }
        answer.delay().ifPresent(StubServices::pause);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A stub that is slow on purpose (a blocking pause is what it is asked to simulate). */
    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @param wholeBody whether the request's body arrived to its end
     * @param query     the raw query string, if any
     * @param body      the body as text (empty if it was cut off)
     */
    record Received(String service, String method, String path, String authorization, String correlationId,
                    String forwardedFor, boolean wholeBody, String query, String body) {
    }

    /** How a stub answers one request; {@code null} for the usual answer. */
    @FunctionalInterface
    interface Responder {
        Answer answer(Received request);
    }

    record Answer(int status, String contentType, String body, Optional<Duration> delay) {

        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Optional.empty());
        }

        Answer after(Duration pause) {
            return new Answer(status, contentType, body, Optional.of(pause));
        }
    }
}
