package io.quotaflow.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HubSpot's CRM API as activity-service reads it after a webhook ({@code GET /crm/v3/objects/{type}/{id}} with the
 * private app's token), on this machine, in this JVM: it answers the deals and calls the test put, 404 for others.
 * It lives as long as the test, so it outlives every kill and restart of activity-service.
 */
final class HubSpotApi implements AutoCloseable {

    static final String TOKEN = "reliability-hubspot-token";
    private static final String OBJECTS = "/crm/v3/objects/";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, String> objects = new ConcurrentHashMap<>();

    private HubSpotApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext(OBJECTS, this::answer);
        server.start();
    }

    static HubSpotApi start() {
        return new HubSpotApi();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A won deal of the activity's rep (its HubSpot owner), closed at the activity's instant, in CNY. */
    void wonDeal(String dealId, Activity deal) {
        ObjectNode properties = Api.JSON.createObjectNode()
                .put("dealname", "Deal " + dealId).put("amount", deal.amount().toPlainString())
                .put("deal_currency_code", "CNY").put("dealstage", "closedwon")
                .put("closedate", deal.occurredAt().toString()).put("createdate", deal.occurredAt().minusSeconds(86_400).toString())
                .put("hubspot_owner_id", owner(deal.repId())).put("pipeline", "default");
        put("deals", dealId, properties, deal.customerId());
    }

    /** A logged call of the activity's rep, at its instant. */
    void call(String callId, Activity call) {
        ObjectNode properties = Api.JSON.createObjectNode().put("hs_timestamp", call.occurredAt().toString())
                .put("hs_call_duration", "60000").put("hubspot_owner_id", owner(call.repId()));
        put("calls", callId, properties, null);
    }

    /** The HubSpot owner id that the owner mapping of {@code hubspot} resolves to the rep. */
    static String owner(String repId) {
        return "hs-" + repId;
    }

    private void put(String type, String id, ObjectNode properties, String company) {
        ObjectNode object = Api.JSON.createObjectNode().put("id", id);
        object.set("properties", properties);
        object.put("archived", false);
        ObjectNode associations = object.putObject("associations");
        if (company != null) {
            associations.putObject("companies").putArray("results").addObject().put("id", company)
                    .put("type", type.substring(0, type.length() - 1) + "_to_company");
        }
        objects.put(type + "/" + id, object.toString());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestURI().getRawPath().substring(OBJECTS.length());
        String object = objects.get(key);
        int status = object == null ? 404 : 200;
        String body = object == null ? "{\"status\":\"error\",\"category\":\"OBJECT_NOT_FOUND\"}" : object;
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status = 401;
            body = "{\"status\":\"error\",\"category\":\"INVALID_AUTHENTICATION\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
