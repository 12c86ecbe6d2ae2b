package io.hakit.contract.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of clients that stop half-way (in their headers, in their body) hold connections, never the workers
 * others need: GET / still answers at once, and every stalled connection is closed within the read timeout.
 */
class StalledClientsTest {

    private static final int STALLED = 400;
    /** The server's read timeout (HttpEdge.IDLE_TIMEOUT_MS, 10 s) and a margin for a loaded machine. */
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(20);

    private static ReferenceEdge edge;

    @BeforeAll
    static void start() {
        edge = ReferenceEdge.shared();
    }

    @Test
    void stalledClientsDelayNobodyAndAreClosedWithinTheReadTimeout() throws IOException {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                Socket socket = new Socket(edge.address().getAddress(), edge.address().getPort());
                String request = i % 2 == 0
                        ? "GET /v1.0/1234/ha HTTP/1.1\r\nHost: " + edge.host() + "\r\nX-Auth-Token: " // headers cut short
                        : "POST /v1.0/1234/ha HTTP/1.1\r\nHost: " + edge.host() + "\r\nX-Auth-Token: " + ReferenceEdge.TOKEN
                                + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"ha\": {"; // body cut short
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                stalled.add(socket);
            }

            RawAnswer root = RawHttp.exchange(edge.address(), ("GET / HTTP/1.1\r\nHost: " + edge.host()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), RawHttp.Delivery.WHOLE,
                    Duration.ofSeconds(2));
            assertThat(root.outcome()).as("GET / beside %d stalled clients: %s", STALLED, root.summary())
                    .isEqualTo(RawAnswer.Outcome.ANSWERED);
            assertThat(root.status()).isEqualTo(200);

            long deadline = System.nanoTime() + CLOSED_WITHIN.toNanos();
            int stillOpen = 0;
            for (Socket socket : stalled) {
                if (!closesBefore(socket, deadline)) {
                    stillOpen++;
                }
            }
            assertThat(stillOpen).as("stalled connections still open after %s", CLOSED_WITHIN).isZero();
            assertThat(edge.healthy(Duration.ofSeconds(2))).isTrue();
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** Reads until the server closes (a stalled body may first get its 400), or the deadline passes. */
    private static boolean closesBefore(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) left);
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true; // reset by the server: closed too
            }
        }
    }
}
