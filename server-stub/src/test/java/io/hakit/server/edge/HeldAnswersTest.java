package io.hakit.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.server.Eventually;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that do not read their answers hold no worker, and the answers held for them stay within the budget (the
 * rest are 503). A real Jetty server with a handful of workers and small socket buffers, so that an unread answer
 * stays unsent; an application that writes through a blocking stream, as Jersey does; every wait bounded.
 */
class HeldAnswersTest {

    private static final int ANSWER_BYTES = 1024 * 1024;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final byte[] large = new byte[ANSWER_BYTES];
    private Server server;
    private MemoryBudget budget;
    private final List<Socket> notReading = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : notReading) {
            socket.close();
        }
        server.stop();
    }

    @Test
    void clientsThatDoNotReadTheirAnswersHoldNoWorker() throws Exception {
        start(64L * ANSWER_BYTES);
        for (int i = 0; i < 24; i++) { // several times the workers
            askWithoutReading("/large");
        }
        HttpResponse<String> small = CLIENT.send(get("/small"), HttpResponse.BodyHandlers.ofString());
        assertThat(small.body()).isEqualTo("small");
        // the unread answers are held in memory, not being written by workers
        Eventually.holds("unread answers held", () -> budget.held() > 0);
    }

    @Test
    void answersPastTheBudgetAre503AndTheBudgetIsGivenBack() throws Exception {
        start(ANSWER_BYTES + ANSWER_BYTES / 2); // one answer fits, not two
        askWithoutReading("/large");
        // the first is held (the kernel took part of it)
        Eventually.holds("the first answer held", () -> budget.held() >= ANSWER_BYTES / 2);
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            refused.add(statusAndBody(askWithoutReading("/large")));
        }
        assertThat(refused).allSatisfy(answer -> assertThat(answer).startsWith("HTTP/1.1 503")
                .contains("serviceUnavailable"));

        notReading.remove(0).close(); // the client goes away: its answer is dropped and its bytes given back
        Eventually.holds("the bytes given back", () -> budget.held() == 0);
        HttpResponse<byte[]> served = CLIENT.send(get("/large"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).hasSize(ANSWER_BYTES);
    }

    /**
     * An answer completed off the thread that handled its request (as the edge does for a body that arrived late),
     * followed on its connection by an empty answer: Jetty must not see the empty answer's end after the request
     * after it has begun. Jetty says so only in its log (an AssertionError its invoker catches, with -ea), so the
     * log is read.
     */
    @Test
    void anAnswerCompletedOffItsHandlingThreadLeavesTheNextRequestsAlone() throws Exception {
        start(64L * ANSWER_BYTES);
        PrintStream log = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 500; i++) {
                out.write("GET /late HTTP/1.1\r\nHost: x\r\n\r\nGET /empty HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(answer(in)).startsWith("HTTP/1.1 200").endsWith("late");
                assertThat(answer(in)).startsWith("HTTP/1.1 200").contains("Content-Length: 0");
            }
        } finally {
            System.setErr(log);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("AssertionError").doesNotContain("WARN");
    }

    private void start(long bound) throws Exception {
        server = new Server(new QueuedThreadPool(8, 2)); // 6 workers once the acceptor and selector have theirs
        LoopbackJetty.connect(server).setAcceptedSendBufferSize(4096);
        budget = new MemoryBudget(bound);
        HeldAnswers answers = new HeldAnswers(budget, new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                if (path.equals("/late")) {
                    request.getComponents().getExecutor().execute(() -> Content.Sink.write(response, true, "late",
                            callback));
                } else if (path.equals("/empty")) {
                    callback.succeeded();
                } else if (path.equals("/large")) {
                    try (OutputStream out = Content.Sink.asOutputStream(response)) { // blocks, as Jersey's does
                        out.write(large);
                    }
                    callback.succeeded();
                } else {
                    Content.Sink.write(response, true, "small", callback);
                }
                return true;
            }
        });
        server.setHandler(answers);
        server.start();
    }

    private Socket askWithoutReading(String path) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout(10_000);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port()));
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        notReading.add(socket);
        return socket;
    }

    /** One answer on a kept-alive connection: its head, then as many bytes as its Content-Length says. */
    private static String answer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("Content-Length: (\\d+)").matcher(head);
        int remaining = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(remaining), StandardCharsets.ISO_8859_1);
    }

    /** The status line and the first bytes of the body (a 503 is small: all of it). */
    private static String statusAndBody(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[2048];
        StringBuilder answer = new StringBuilder();
        int n;
        while (!answer.toString().contains("}") && (n = in.read(buffer)) > 0) {
            answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
        return answer.toString();
    }

    private int port() {
        return LoopbackJetty.port(server);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(10))
                .build();
    }
}
