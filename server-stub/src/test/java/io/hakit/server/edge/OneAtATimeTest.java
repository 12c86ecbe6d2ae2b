package io.hakit.server.edge;

import static io.hakit.server.RawSockets.head;
import static io.hakit.server.RawSockets.readToTheEnd;
import static io.hakit.server.RawSockets.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
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
 * A client that moves worlds one after the other never meets its own previous request: the permit is given back
 * when the application is done, before {@link HeldAnswers} (in front of it, as in the server) sends the answer. The
 * outermost layer holds the completion of the first answer until the test has sent the second request and read its
 * answer, which makes the order deterministic: had the permit been given back on completion, the second would be a
 * 503.
 */
class OneAtATimeTest {

    private final CountDownLatch secondAnswered = new CountDownLatch(1);
    private Server server;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        LoopbackJetty.connect(server);
        Handler application = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Content.Sink.write(response, true, "moved", callback);
                return true;
            }
        };
        Handler asMounted = new HeldAnswers(new MemoryBudget(1024 * 1024), new OneAtATime(request -> true, application));
        Handler slowToComplete = new Handler.Wrapper(asMounted) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (!Request.getPathInContext(request).equals("/first")) {
                    return super.handle(request, response, callback);
                }
                return super.handle(request, response, Callback.from(this::awaitSecond, callback));
            }

            private void awaitSecond() {
                try {
                    secondAnswered.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        server.setHandler(slowToComplete);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        secondAnswered.countDown();
        server.stop();
    }

    @Test
    void theNextWorldSentOnReadingTheAnswerIsTakenOn() throws Exception {
        try (Socket first = connect(); Socket second = connect()) {
            send(first, "GET /first HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(head(first.getInputStream())).startsWith("HTTP/1.1 200 ");
            send(second, "GET /second HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String answer = readToTheEnd(second);
            secondAnswered.countDown();
            assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("moved");
            assertThat(readToTheEnd(first)).endsWith("moved");
        }
    }

    private Socket connect() throws IOException {
        return LoopbackJetty.open(server);
    }
}
