package io.hakit.server.hardening;

import static io.hakit.server.RawSockets.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.server.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A huge body, slow clients and a flood of connections cannot take the server: it answers 413 or closes the
 * connection, and keeps serving everyone else. Every client here is bounded (socket timeouts, fixed counts).
 */
class BoundedResourcesTest {

    private static final String HA_1 = "/v1.0/1234/ha/e7fdf90b-7140-4edb-b449-e093d55008fb";

    @Test
    void aMultiGigabyteBodyIsRefusedBeforeItIsRead() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "POST " + HA_1 + "/acls HTTP/1.1\r\nHost: x\r\nX-Auth-Token: " + TestServer.TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 5000000000\r\n\r\n{\"address\":");
            String answer = readAnswer(socket);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"overLimit\"").doesNotContain("Retry-After");
        }
    }

    @Test
    void slowBodiesDoNotStopOtherClients() throws IOException {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) { // more than a default Grizzly pool on two cores
                Socket socket = connect();
                send(socket, "POST " + HA_1 + "/acls HTTP/1.1\r\nHost: x\r\nX-Auth-Token: " + TestServer.TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"addr");
                slow.add(socket);
            }
            assertServes();
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aFloodOfIdleConnectionsDoesNotStopOtherClients() throws IOException {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                idle.add(connect());
            }
            for (int i = 0; i < 50; i++) { // half-written request lines too
                send(idle.get(i), "GET /v1.0/1234/ha HTT");
            }
            assertServes();
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    /**
     * Clients that send a header line now and then held 5,500 connections and the whole heap of the README's
     * command, and the server never answered again. Connections are capped (HttpEdge.MAX_CONNECTIONS): past the
     * cap, the ones held lose their 10 s idle timeout for 2 s, and the clients waiting behind them are served.
     * Which held connections are shed is Jetty's choice (it gives the 10 s back whenever the count drops under the
     * cap), so the test holds the server to the one promise: the client waiting last is answered long before a held
     * connection's own timeout could have made room. Measured here: 6-7 s from the first held connection with the
     * cap's 2 s, 22.5 s without it (10 s idle, then Jetty's close of a connection its client keeps open).
     */
    @Test
    void connectionsPastTheCapAreServedOnceIdleOnesAreShed() throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            long firstHeld = System.nanoTime();
            for (int i = 0; i < 1024 + 16; i++) {
                Socket socket = connect();
                send(socket, "GET /v1.0/1234/ha HTTP/1.1\r\nHost: x\r\nX-Padding: " + "p".repeat(1000) + "\r\n");
                held.add(socket);
            }
            long opened = elapsedMs(firstHeld);
            try (Socket late = new Socket(TestServer.server().baseUri().getHost(), TestServer.server().port())) {
                late.setSoTimeout((int) Math.max(1, 15_000 - elapsedMs(firstHeld)));
                send(late, "GET /v1.0/1234/ha HTTP/1.1\r\nHost: x\r\nX-Auth-Token: " + TestServer.TOKEN
                        + "\r\nConnection: close\r\n\r\n");
                assertThat(readAnswer(late))
                        .as("answered within 15 s of the first held connection (%d ms to open them all)", opened)
                        .startsWith("HTTP/1.1 200");
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static long elapsedMs(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    @Test
    void oversizedHeadersAreRefused() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /v1.0/1234/ha HTTP/1.1\r\nHost: x\r\nX-Auth-Token: " + TestServer.TOKEN
                    + "\r\nX-Padding: " + "p".repeat(64 * 1024) + "\r\n\r\n");
            String answer = readAnswer(socket);
            assertThat(answer).as("refused or closed, never served").doesNotStartWith("HTTP/1.1 200");
        }
    }

    private static void assertServes() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /v1.0/1234/ha HTTP/1.1\r\nHost: x\r\nX-Auth-Token: " + TestServer.TOKEN
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200").contains("ha_instances");
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket(TestServer.server().baseUri().getHost(), TestServer.server().port());
        socket.setSoTimeout(5_000); // a bound on every read of these tests
        return socket;
    }

    /** What the server wrote before closing or going quiet (at most 64 KB). */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        int total = 0;
        try {
            int n;
            while (total < buffer.length && (n = in.read(buffer, total, buffer.length - total)) > 0) {
                total += n;
                String sofar = new String(buffer, 0, total, StandardCharsets.UTF_8);
                if (sofar.contains("\r\n\r\n") && complete(sofar)) {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException | java.net.SocketException quiet) {
            // the server went quiet or closed: what it wrote is the answer
        }
        return new String(buffer, 0, total, StandardCharsets.UTF_8);
    }

    private static boolean complete(String answer) {
        int headerEnd = answer.indexOf("\r\n\r\n");
        String headers = answer.substring(0, headerEnd).toLowerCase();
        int at = headers.indexOf("content-length: ");
        if (at < 0) {
            return true;
        }
        int length = Integer.parseInt(headers.substring(at + 16).split("\r\n")[0].trim());
        return answer.length() - headerEnd - 4 >= length;
    }
}
