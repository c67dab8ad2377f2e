package io.quotaflow.localstack.crm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * HubSpot's CRM API as activity-service reads it, on this machine (never the internet):
 * {@code GET /crm/v3/objects/{type}/{id}?properties=…&associations=…} answers an object in HubSpot's response
 * shape — the properties asked for (and HubSpot's defaults) that have a value, the associations asked for — to
 * callers with the private app's bearer token; 401 without it, 404 for an unknown object, or the failure a test asked
 * for. Requests are remembered with their {@code Authorization} header (the latest 10,000). The one stand-in of the
 * demo's HubSpot portal and of every test that has activity-service read HubSpot; it listens on 127.0.0.1, on a free
 * port.
 */
public final class HubSpotCrmApi implements AutoCloseable {

    private static final String OBJECTS = "/crm/v3/objects/";
    private static final int REMEMBERED = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> DEFAULT_PROPERTIES = Set.of("createdate", "hs_lastmodifieddate", "hs_object_id");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final String accessToken;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, ObjectNode> objects = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    /** The latest {@link #REMEMBERED} requests (a demo may run for hours). */
    private final Deque<String> requests = new ArrayDeque<>();

    private HubSpotCrmApi(String accessToken) {
        this.accessToken = accessToken;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve a HubSpot CRM API", e);
        }
        threads = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "hubspot-crm-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext(OBJECTS, this::answer);
        server.start();
    }

    /** The API, listening, for callers with {@code accessToken}. */
    public static HubSpotCrmApi start(String accessToken) {
        return new HubSpotCrmApi(accessToken);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String accessToken() {
        return accessToken;
    }

    /**
     * An object as HubSpot stores it: {@code {"id", "properties", "associations": {"<type>": {"results": [{"id",
     * "type": "deal_to_company"}]}}, "createdAt", "updatedAt", "archived"}}; {@code hs_object_id} is the id.
     */
    public static ObjectNode object(String type, String id, Map<String, String> properties,
                                    Map<String, List<String>> associations, Instant createdAt, Instant updatedAt) {
        ObjectNode object = JSON.createObjectNode().put("id", id);
        ObjectNode values = object.putObject("properties").put("hs_object_id", id);
        properties.forEach(values::put);
        object.put("createdAt", timestamp(createdAt)).put("updatedAt", timestamp(updatedAt)).put("archived", false);
        object.putObject("associations");
        associations.forEach((other, ids) -> associate(object, type, other, ids));
        return object;
    }

    /** Sets the object's associations with {@code other} objects ({@code type} is the object's own type). */
    public static void associate(ObjectNode object, String type, String other, List<String> ids) {
        var results = ((ObjectNode) object.get("associations")).putObject(other).putArray("results");
        ids.forEach(otherId -> results.addObject().put("id", otherId)
                .put("type", singular(type) + "_to_" + singular(other)));
    }

    /** HubSpot's timestamp format, {@code 2027-01-19T06:30:00.000Z}. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private static String singular(String type) {
        return type.endsWith("ies") ? type.substring(0, type.length() - 3) + "y" : type.substring(0, type.length() - 1);
    }

    /** Serves {@code object} (see {@link #object}) as the object {@code type/id}, instead of anything before. */
    public synchronized void put(String type, String id, ObjectNode object) {
        failures.remove(type + "/" + id);
        objects.put(type + "/" + id, object.deepCopy());
    }

    /** Changes the object {@code type/id} in place, made by {@code create} first when there is none. */
    public synchronized void change(String type, String id, Supplier<ObjectNode> create, Consumer<ObjectNode> change) {
        change.accept(objects.computeIfAbsent(type + "/" + id, key -> create.get()));
    }

    /** Answers requests for this object with an error status, as HubSpot does when it is in trouble. */
    public synchronized void failing(String type, String id, int status) {
        failures.put(type + "/" + id, status);
    }

    /**
     * The object as {@code GET /crm/v3/objects/{type}/{id}?properties=…&associations=…} answers it: the properties
     * asked for (and HubSpot's defaults) that have a value, the associations asked for; {@code null} when unknown.
     */
    public synchronized ObjectNode read(String type, String id, List<String> properties, List<String> associations) {
        ObjectNode stored = objects.get(type + "/" + id);
        if (stored == null) {
            return null;
        }
        ObjectNode answer = stored.deepCopy();
        ObjectNode kept = answer.putObject("properties");
        stored.path("properties").properties().forEach(property -> {
            if (!property.getValue().isNull() && (properties.contains(property.getKey())
                    || DEFAULT_PROPERTIES.contains(property.getKey()))) {
                kept.set(property.getKey(), property.getValue().deepCopy());
            }
        });
        ObjectNode associated = answer.putObject("associations");
        stored.path("associations").properties().forEach(association -> {
            if (associations.contains(association.getKey())) {
                associated.set(association.getKey(), association.getValue().deepCopy());
            }
        });
        if (associated.isEmpty()) {
            answer.remove("associations");
        }
        return answer;
    }

    /** Every request so far: {@code <path>?<query> auth=<Authorization header>}. */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** How many requests asked for this object so far. */
    public long requestsFor(String type, String id) {
        return requests().stream().filter(request -> request.startsWith(OBJECTS + type + "/" + id + "?")).count();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            remember(rawPath + "?" + rawQuery + " auth=" + authorization);
            String[] path = rawPath.substring(OBJECTS.length()).split("/");
            if (!("Bearer " + accessToken).equals(authorization)) {
                send(exchange, 401, error("Authentication credentials not found.", "INVALID_AUTHENTICATION"));
                return;
            }
            if (!exchange.getRequestMethod().equals("GET") || path.length != 2) {
                send(exchange, 405, error("Only GET /crm/v3/objects/{type}/{id} is served here.", "VALIDATION_ERROR"));
                return;
            }
            String type = path[0];
            String id = URLDecoder.decode(path[1], StandardCharsets.UTF_8);
            Integer failure;
            synchronized (this) {
                failure = failures.get(type + "/" + id);
            }
            if (failure != null) {
                send(exchange, failure, error("internal error", "INTERNAL_ERROR"));
                return;
            }
            Map<String, String> query = query(rawQuery);
            ObjectNode object = read(type, id, list(query.get("properties")), list(query.get("associations")));
            send(exchange, object == null ? 404 : 200, object == null
                    ? error("Object not found.  objectId are usually numeric.", "OBJECT_NOT_FOUND") : object);
        } finally {
            exchange.close();
        }
    }

    private synchronized void remember(String request) {
        if (requests.size() == REMEMBERED) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    private static ObjectNode error(String message, String category) {
        return JSON.createObjectNode().put("status", "error").put("message", message)
                .put("correlationId", UUID.randomUUID().toString()).put("category", category);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
