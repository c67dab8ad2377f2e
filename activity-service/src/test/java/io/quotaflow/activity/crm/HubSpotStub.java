package io.quotaflow.activity.crm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * HubSpot's CRM API on this machine (never the internet): {@code GET /crm/v3/objects/{type}/{id}} answers the
 * objects a test put, in the documented response shape, 404 for others, or the failure a test asked for. Every
 * request is remembered, with its {@code Authorization} header. One per test JVM.
 */
public final class HubSpotStub {

    public static final String TOKEN = "test-private-app-token";
    private static final HubSpotStub SHARED = new HubSpotStub();

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private record Answer(int status, String body) {
    }

    private HubSpotStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/crm/v3/objects/", this::answer);
        server.start();
    }

    public static HubSpotStub shared() {
        return SHARED;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves an object: {@code {"id", "properties", "associations", "createdAt", "updatedAt", "archived"}}. */
    public void object(String type, String id, Map<String, String> properties, Map<String, List<String>> associations) {
        StringBuilder json = new StringBuilder("{\"id\":\"").append(id).append("\",\"properties\":{");
        String separator = "";
        for (Map.Entry<String, String> property : properties.entrySet()) {
            json.append(separator).append('"').append(property.getKey()).append("\":\"").append(property.getValue())
                    .append('"');
            separator = ",";
        }
        json.append("},\"createdAt\":\"2026-12-10T02:00:00.000Z\",\"updatedAt\":\"2027-01-19T06:30:00.000Z\","
                + "\"archived\":false,\"associations\":{");
        separator = "";
        for (Map.Entry<String, List<String>> association : associations.entrySet()) {
            json.append(separator).append('"').append(association.getKey()).append("\":{\"results\":[");
            String inner = "";
            for (String associated : association.getValue()) {
                json.append(inner).append("{\"id\":\"").append(associated).append("\",\"type\":\"")
                        .append(type, 0, type.length() - 1).append("_to_")
                        .append(association.getKey(), 0, association.getKey().length() - 1).append("\"}");
                inner = ",";
            }
            json.append("]}");
            separator = ",";
        }
        answers.put(type + "/" + id, new Answer(200, json.append("}}").toString()));
    }

    /** Answers requests for this object with an error status, as HubSpot does when it is in trouble. */
    public void failing(String type, String id, int status) {
        answers.put(type + "/" + id, new Answer(status, "{\"status\":\"error\",\"message\":\"internal error\","
                + "\"category\":\"INTERNAL_ERROR\"}"));
    }

    /** How many requests asked for this object so far. */
    public long requestsFor(String type, String id) {
        return requests.stream().filter(path -> path.startsWith("/crm/v3/objects/" + type + "/" + id + "?")).count();
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.add(path + "?" + exchange.getRequestURI().getRawQuery() + " auth="
                + exchange.getRequestHeaders().getFirst("Authorization"));
        Answer answer = answers.getOrDefault(path.substring("/crm/v3/objects/".length()),
                new Answer(404, "{\"status\":\"error\",\"message\":\"Object not found\",\"category\":\"OBJECT_NOT_FOUND\"}"));
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer = new Answer(401, "{\"status\":\"error\",\"category\":\"INVALID_AUTHENTICATION\"}");
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
