package io.hakit.server.edge;

import static io.hakit.server.RawSockets.head;
import static io.hakit.server.RawSockets.readToTheEnd;
import static io.hakit.server.RawSockets.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.server.Eventually;
import io.hakit.server.http.BodyLimits;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the edge lets in by memory: the bodies being read stay within their budget (past it, a 503 before a byte of
 * the body is read; a body is given back before its answer completes, so a client's next body never meets its
 * last), and a request that moves a world runs one at a time (another meanwhile is a 503 with
 * Retry-After, and everything else goes on). A real Jetty with the edge, a 100 KB budget for bodies, and an
 * application that holds a world's dump (WORLD) until the test lets it go; every wait bounded.
 */
class AdmissionTest {

    private static final int BUDGET = 100 * 1024;
    /** The path of a world's dump or load: the edge runs it on a worker, not on the thread that read it. */
    private static final String WORLD = "/_emulator/state";
    private final CountDownLatch letGo = new CountDownLatch(1);
    private final CountDownLatch worldStarted = new CountDownLatch(1);
    private final CountDownLatch nextAnswered = new CountDownLatch(1);
    private Server server;
    private MemoryBudget bodies;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        LoopbackJetty.connect(server);
        bodies = new MemoryBudget(BUDGET);
        Handler application = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (Request.getPathInContext(request).equals(WORLD)) {
                    worldStarted.countDown();
                    assertThat(letGo.await(10, TimeUnit.SECONDS)).isTrue();
                }
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                Content.Sink.write(response, true, "read " + body.length(), callback);
                return true;
            }
        };
        Handler edge = new EdgeHandler(new BodyLimits(1024 * 1024), bodies, LingeringClose.Bounds.DEFAULT,
                new OneAtATime(request -> Request.getPathInContext(request).equals(WORLD), application));
        server.setHandler(new Handler.Wrapper(edge) { // holds the completion of "/held" until the next is answered
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                boolean held = Request.getPathInContext(request).equals("/held");
                return super.handle(request, response, held ? Callback.from(this::awaitNext, callback) : callback);
            }

            private void awaitNext() {
                try {
                    nextAnswered.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        letGo.countDown();
        nextAnswered.countDown();
        server.stop();
    }

    @Test
    void bodiesPastTheBudgetAre503UntilTheBodiesBeforeThemAreAnswered() throws Exception {
        int length = BUDGET * 2 / 3; // one fits, two do not
        try (Socket first = connect()) {
            send(first, "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\n" + "1".repeat(10));
            Eventually.holds("the first body taken from the budget", () -> bodies.held() == length);
            try (Socket second = connect()) {
                send(second, "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\n");
                assertThat(readToTheEnd(second)).startsWith("HTTP/1.1 503 ").contains("serviceUnavailable")
                        .contains("Connection: close");
            }
            send(first, "1".repeat(length - 10));
            assertThat(head(first.getInputStream())).startsWith("HTTP/1.1 200 ");
        }
        Eventually.holds("the budget given back", () -> bodies.held() == 0);
        try (Socket third = connect()) {
            send(third, "POST /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " + length + "\r\n\r\n"
                    + "1".repeat(length));
            assertThat(readToTheEnd(third)).startsWith("HTTP/1.1 200 ").endsWith("read " + length);
        }
    }

    @Test
    void aBodySentOnReadingTheAnswerToTheLastFindsItsMemoryGivenBack() throws Exception {
        int length = BUDGET * 2 / 3; // one fits, two do not
        try (Socket first = connect(); Socket second = connect()) {
            send(first, "POST /held HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " + length + "\r\n\r\n"
                    + "1".repeat(length));
            assertThat(head(first.getInputStream())).startsWith("HTTP/1.1 200 ");
            send(second, "POST /next HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " + length
                    + "\r\n\r\n" + "1".repeat(length));
            String answer = readToTheEnd(second);
            nextAnswered.countDown();
            assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("read " + length);
        }
    }

    @Test
    void aSecondWorldWhileOneMovesIs503AndEverythingElseGoesOn() throws Exception {
        try (Socket first = connect()) {
            send(first, "GET " + WORLD + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(worldStarted.await(10, TimeUnit.SECONDS)).isTrue();
            try (Socket second = connect()) {
                send(second, "GET " + WORLD + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                assertThat(readToTheEnd(second)).startsWith("HTTP/1.1 503 ").contains("Retry-After: 1");
            }
            try (Socket other = connect()) {
                send(other, "GET /other HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                assertThat(readToTheEnd(other)).startsWith("HTTP/1.1 200 ");
            }
            letGo.countDown();
            assertThat(readToTheEnd(first)).startsWith("HTTP/1.1 200 ");
        }
        try (Socket after = connect()) { // the permit was given back
            send(after, "GET " + WORLD + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(readToTheEnd(after)).startsWith("HTTP/1.1 200 ");
        }
    }

    private Socket connect() throws IOException {
        return LoopbackJetty.open(server);
    }
}
