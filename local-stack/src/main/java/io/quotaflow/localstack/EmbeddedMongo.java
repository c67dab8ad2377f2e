package io.quotaflow.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MongoDB wire-protocol server ({@code mongo-java-server}): in memory, or file-backed (H2)
 * when given a file, so that data survives a restart. It has no transactions and ignores non-unique
 * secondary indexes; Quotaflow's services are written for that.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /**
     * The server runs each command on the event-loop thread of its connection, start to finish. With Netty's default
     * (two per core: four here) a long command — a chunk's bulk update of hundreds of documents — held up every
     * connection sharing its thread, whichever service or collection they were for: during the benchmark's steady
     * load kpi-service's reads of single documents waited 30 ms on average behind activity-service's timeline writes.
     * More threads than cores let the operating system share the cores among commands, as a mongod's thread per
     * connection does.
     */
    static final int WORKER_THREADS = 32;

    private final MongoBackend backend;
    private final int port;
    private MongoServer server;

    private EmbeddedMongo(MongoServer server, MongoBackend backend, int port) {
        this.server = server;
        this.backend = backend;
        this.port = port;
    }

    public static EmbeddedMongo startInMemoryOnFreePort() {
        return start(null, 0);
    }

    /**
     * @param file where to keep the data ({@code null}: in memory)
     * @param port the port to listen on; 0 for any free port
     */
    public static EmbeddedMongo start(Path file, int port) {
        MongoBackend backend;
        if (file == null) {
            backend = new MemoryBackend();
        } else {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file.getParent(), e);
            }
            backend = new H2Backend(file.toString());
        }
        // The 5.x driver needs wire version >= 8.
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = serve(backend, port);
        return new EmbeddedMongo(server, backend, server.getLocalAddress().getPort());
    }

    /**
     * A database outage as its clients see one: every connection is dropped and the port closed, until
     * {@link #resume()}. The data stays — in memory too — as a restarted mongod's stays on its disk.
     */
    public synchronized void suspend() {
        server.shutdownNow();
    }

    /** Listens on the same port again, with the data it held when it was suspended. */
    public synchronized void resume() {
        server = serve(backend, port);
    }

    /**
     * A server for the backend, listening on {@code port}. It is given the backend behind a view that ignores
     * {@code close}: a server closes its backend when it shuts down, and {@link #suspend()} must not lose the data
     * ({@link #close()} closes the backend itself).
     */
    private static MongoServer serve(MongoBackend backend, int port) {
        MongoBackend kept = (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
                new Class<?>[]{MongoBackend.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(backend, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        MongoServer server = new MongoServer(kept);
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
        return server;
    }

    /** {@code mongodb://127.0.0.1:<port>}; each service adds its own database name. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Drops a database with everything in it (in memory: its heap is freed). */
    public void dropDatabase(String name) {
        backend.dropDatabase(name);
    }

    @Override
    public synchronized void close() {
        server.shutdownNow();
        backend.close();
    }
}
