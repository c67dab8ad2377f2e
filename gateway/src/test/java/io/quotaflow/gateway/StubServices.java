package io.quotaflow.gateway;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-ins for the four services behind the gateway: real HTTP servers that read and record each request
 * they receive and answer with who they are. (The end-to-end run with the real services is in system-tests.)
 */
final class StubServices {

    static final List<String> NAMES = List.of("target-service", "activity-service", "kpi-service", "incentive-service");

    private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StubServices() {
        NAMES.forEach(this::start);
    }

    String url(String service) {
        return "http://127.0.0.1:" + servers.get(service).getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void clear() {
        received.clear();
    }

    private void start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                // Like a real service, read the whole body before answering.
                boolean wholeBody;
                try (InputStream body = exchange.getRequestBody()) {
                    body.transferTo(OutputStream.nullOutputStream());
                    wholeBody = true;
                } catch (IOException cutOff) {
                    wholeBody = false;
                }
                received.add(new Received(name, exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("X-Correlation-Id"),
                        exchange.getRequestHeaders().getFirst("X-Forwarded-For"), wholeBody));
                if (!wholeBody) {
                    exchange.close();
                    return;
                }
                byte[] body = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            servers.put(name, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param wholeBody whether the request's body arrived to its end */
    record Received(String service, String method, String path, String authorization, String correlationId,
                    String forwardedFor, boolean wholeBody) {
    }
}
