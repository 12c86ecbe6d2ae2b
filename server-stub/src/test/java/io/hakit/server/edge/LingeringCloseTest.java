package io.hakit.server.edge;

import static io.hakit.server.RawSockets.head;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.server.http.BodyLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staged close of a refused body is bounded in time too: a client that keeps sending a refused body (never idle,
 * so the idle timeout never comes) is cut off once its linger is over. (The bound in bytes, and the staged close
 * itself, are tried against the reference server: RefusedBodiesTest.) A real Jetty with the edge, a 1 KB body limit,
 * no bound in bytes and a 300 ms linger; every wait bounded.
 */
class LingeringCloseTest {

    private static final long LINGER_MS = 300;
    private Server server;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        LoopbackJetty.connect(server).setIdleTimeout(10_000);
        server.setHandler(new EdgeHandler(new BodyLimits(1024), new MemoryBudget(1024 * 1024),
                new LingeringClose.Bounds(Long.MAX_VALUE, LINGER_MS),
                new Handler.Abstract.NonBlocking() {
                    @Override
                    public boolean handle(Request request, Response response, Callback callback) {
                        Response.writeError(request, response, callback, 413, "too large"); // without reading
                        return true;
                    }
                }));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aRefusedBodyStillComingIsCutOffWhenItsLingerIsOver() throws Exception {
        int port = LoopbackJetty.port(server);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            long sent = System.nanoTime(); // the server's linger can only start after this
            out.write("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000000\r\n\r\n{\"a\":"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(head(socket.getInputStream())).startsWith("HTTP/1.1 413 ");

            long deadline = System.nanoTime() + 5_000_000_000L;
            byte[] piece = new byte[1024];
            boolean cutOff = false;
            while (!cutOff && System.nanoTime() < deadline) {
                try {
                    out.write(piece);
                } catch (IOException reset) {
                    cutOff = true;
                }
            }
            assertThat(cutOff).as("the connection was cut off within 5 s of a 300 ms linger").isTrue();
            assertThat((System.nanoTime() - sent) / 1_000_000).as("it lingered first").isGreaterThanOrEqualTo(
                    LINGER_MS);
        }
    }
}
