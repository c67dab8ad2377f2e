package io.quotaflow.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Free ports come from below the kernel's ephemeral range, where outgoing connections never take them. */
class PortsTest {

    @Test
    void shouldHandOutDistinctListenablePortsBelowTheEphemeralRange() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ports.add(Ports.free());
        }

        assertThat(ports).as("never the same port twice").hasSize(50)
                .allSatisfy(port -> assertThat(port).isBetween(10_000, Ports.ephemeralStart() - 1));
        int port = ports.iterator().next();
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(Ports.isFree(port)).as("taken while bound").isFalse();
        }
    }
}
