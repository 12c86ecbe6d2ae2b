package io.hakit.contract;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A deliberately broken implementation of the HA API: the reference server behind an HTTP-level proxy that breaks
 * one thing (a renamed field, a wrong status, a server error on one body, a hang, no authentication). The gate must
 * catch each.
 */
public final class BrokenProxy implements AutoCloseable {

    /** One way of breaking the implementation. */
    public interface Breakage {
        /** The request as forwarded; may add headers. */
        default void request(HttpExchange exchange, HttpRequest.Builder forwarded) {}

        /** The request as forwarded, knowing its body; may change where it goes and how. */
        default void request(HttpExchange exchange, String requestBody, HttpRequest.Builder forwarded) {
            request(exchange, forwarded);
        }

        /** The answer as returned. */
        default Answer answer(String method, String path, Answer answer) {
            return answer;
        }

        /** Whether the answer leaves without the Content-Type the reference server gave it. */
        default boolean dropsContentType(String method, String path, int status) {
            return false;
        }

        /** The Content-Type the answer leaves with, given the reference server's (null: none). */
        default String contentType(String method, String path, String given) {
            return given;
        }

        /** The Retry-After the answer leaves with, given the reference server's (null: none). */
        default String retryAfter(String method, String path, String given) {
            return given;
        }

        /** Whether the answer is sent chunked (Transfer-Encoding: chunked) rather than with a Content-Length. */
        default boolean chunked(String method, String path) {
            return false;
        }

        /** The answer as returned, knowing the request's body. */
        default Answer answer(String method, String path, String requestBody, Answer answer) {
            return answer(method, path, answer);
        }
    }

    public record Answer(int status, String body) {}

    static {
        // The JDK's server waits for Nagle's algorithm by default: 40 ms a small answer, which adds up over a run.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "transfer-encoding", "expect", "upgrade");

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private BrokenProxy(URI upstream, Breakage breakage) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> forward(exchange, upstream, breakage));
        server.start();
    }

    public static BrokenProxy in(URI upstream, Breakage breakage) {
        try {
            return new BrokenProxy(upstream, breakage);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void forward(HttpExchange exchange, URI upstream, Breakage breakage) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create(upstream + rawPath + (query == null ? "" : "?" + query)))
                    .timeout(java.time.Duration.ofSeconds(10))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> forwarded.header(name, v));
                }
            });
            breakage.request(exchange, new String(body, StandardCharsets.UTF_8), forwarded);
            HttpResponse<String> response = http.send(forwarded.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = breakage.answer(exchange.getRequestMethod(), rawPath, new String(body, StandardCharsets.UTF_8),
                    new Answer(response.statusCode(), response.body()));
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            if (!breakage.dropsContentType(exchange.getRequestMethod(), rawPath, answer.status())) {
                String type = breakage.contentType(exchange.getRequestMethod(), rawPath,
                        response.headers().firstValue("Content-Type").orElse(null));
                if (type != null) {
                    exchange.getResponseHeaders().add("Content-Type", type);
                }
            }
            String retryAfter = breakage.retryAfter(exchange.getRequestMethod(), rawPath,
                    response.headers().firstValue("Retry-After").orElse(null));
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            boolean chunked = out.length > 0 && breakage.chunked(exchange.getRequestMethod(), rawPath);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : chunked ? 0 : out.length);
            if (out.length > 0) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
