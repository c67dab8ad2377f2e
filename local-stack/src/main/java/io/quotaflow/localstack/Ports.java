package io.quotaflow.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Port helpers: a free port for a service to listen on, and a check that a fixed port is still free.
 *
 * <p>A free port is chosen below the kernel's ephemeral range, not by binding to port 0. The kernel hands out
 * ephemeral ports to outgoing connections too, so a port it chose for us could be taken by some client's connection
 * (a Kafka or MongoDB client in a busy test run) before the service bound it: a service then failed to start with
 * "port already in use". Below the range only listeners compete, and this JVM never hands out a port twice.
 */
public final class Ports {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Where the kernel's ephemeral range starts when it cannot be read (Linux's default). */
    private static final int DEFAULT_EPHEMERAL_START = 32768;
    private static final int LOWEST = 10_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    /** Read once: the range does not change while tests run. */
    private static final int EPHEMERAL_START = readEphemeralStart();

    private Ports() {
    }

    public static int free() {
        int end = EPHEMERAL_START;
        if (end - LOWEST < 1_000) {
            return anyFree();
        }
        int span = end - LOWEST;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = LOWEST + (start + i) % span;
            if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        return anyFree();
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException busy) {
            return false;
        }
    }

    /** The first port of the kernel's ephemeral range. */
    static int ephemeralStart() {
        return EPHEMERAL_START;
    }

    private static int readEphemeralStart() {
        // Read as a stream: Files.readString trusts the size procfs reports, and read "3" here.
        try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            String[] range = reader.readLine().trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException unreadable) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    /** A port the kernel chooses (from its ephemeral range): the fallback where no range below it is left. */
    private static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
