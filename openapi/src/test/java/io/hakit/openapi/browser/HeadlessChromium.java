package io.hakit.openapi.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, headless and without a network, driven over the DevTools protocol: one browser for many
 * pages and routes (a --dump-dom per route would start Chromium once per route). The few commands a page test
 * needs: navigate, evaluate, screenshot, every URL the page asked for (those the browser refused to send included)
 * and every error the page's console showed.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final Pattern DEVTOOLS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** requestId -> URL of every request the page made, and why the browser blocked those it did not send. */
    private final Map<String, String> requests = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final Map<String, String> blocked = new ConcurrentHashMap<>();
    /** Errors the page's console showed: console.error, uncaught exceptions, the browser's own (a CSP refusal). */
    private final List<String> consoleErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    private HeadlessChromium(Process process, WebSocket.Builder builder, URI page) {
        this.process = process;
        this.socket = builder.buildAsync(page, new Listener()).join();
    }

    public static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    /** Starts Chromium with no network but loopback (the flags of the kit's machines), profile under {@code work}. */
    public static HeadlessChromium start(Path work) throws IOException {
        Files.createDirectories(work);
        Process process = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--window-size=1280,1600", "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--user-data-dir=" + work.resolve("profile").toAbsolutePath(), "about:blank")
                .redirectOutput(work.resolve("chromium.out").toFile()).start();
        try {
            URI browser = devToolsUrl(process);
            HttpClient http = HttpClient.newHttpClient();
            URI list = URI.create("http://" + browser.getAuthority() + "/json/list");
            String targets = http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString()).body();
            URI page = null;
            for (JsonNode target : JSON.readTree(targets)) {
                if (target.path("type").asText().equals("page")) {
                    page = URI.create(target.path("webSocketDebuggerUrl").asText());
                }
            }
            if (page == null) {
                throw new IOException("Chromium offers no page target: " + targets);
            }
            HeadlessChromium chromium = new HeadlessChromium(process, http.newWebSocketBuilder(), page);
            chromium.command("Network.enable", JSON.createObjectNode());
            chromium.command("Page.enable", JSON.createObjectNode());
            chromium.command("Runtime.enable", JSON.createObjectNode());
            chromium.command("Log.enable", JSON.createObjectNode());
            return chromium;
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static URI devToolsUrl(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> found = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = err.readLine()) != null; ) {
                    Matcher m = DEVTOOLS_URL.matcher(line);
                    if (m.find()) {
                        return URI.create(m.group(1));
                    }
                }
                throw new IllegalStateException("Chromium exited without a DevTools endpoint");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            URI uri = found.get(60, TimeUnit.SECONDS);
            Thread drain = new Thread(() -> err.lines().forEach(line -> { }), "chromium-stderr");
            drain.setDaemon(true);
            drain.start();
            return uri;
        } catch (Exception e) {
            throw new IOException("Chromium did not start its DevTools endpoint within 60 s", e);
        }
    }

    /** Loads a URL, or moves to another route of the page that is loaded (a different #hash). */
    public void navigate(String url) {
        ObjectNode params = JSON.createObjectNode().put("url", url);
        command("Page.navigate", params);
    }

    /** The value of a JavaScript expression in the page (awaited if it is a promise). */
    public JsonNode evaluate(String expression) {
        ObjectNode params = JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true);
        JsonNode result = command("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /**
     * Polls a JavaScript condition until it holds, with back-off, at most {@code bound}; the page's rendering
     * decides how long that takes, so there is no fixed wait.
     */
    public boolean waitFor(String condition, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        long pause = 20;
        while (System.nanoTime() < deadline) {
            if (evaluate("Boolean(" + condition + ")").asBoolean(false)) {
                return true;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, 500);
        }
        return false;
    }

    /** Types text into the focused element, as a keyboard would (frameworks see their usual input events). */
    public void type(String text) {
        command("Input.insertText", JSON.createObjectNode().put("text", text));
    }

    public void screenshot(Path png) throws IOException {
        JsonNode shot = command("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, java.util.Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /**
     * Every request the page made since the browser started, those the browser blocked itself before sending (a
     * Content-Security-Policy of the page, say) included: a page that needs nothing but itself asks for nothing
     * else, and a request its own policy refuses is still a part of it that cannot work (a broken image, an error
     * in the console).
     */
    public List<Request> requests() {
        return requests.entrySet().stream().map(e -> new Request(e.getValue(), blocked.get(e.getKey()))).toList();
    }

    /** Every URL the page asked for since the browser started, blocked or not. */
    public List<String> requestedUrls() {
        return requests().stream().map(Request::url).toList();
    }

    /**
     * Every error the page's console showed since the browser started: {@code console.error} and failed
     * {@code console.assert} calls, uncaught exceptions, and the browser's own errors (a request refused by the
     * page's policy, a resource that failed to load).
     */
    public List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    /**
     * A request of the page.
     *
     * @param blockedReason why the browser did not send it (Chromium's {@code BlockedReason}: csp, inspector, ...),
     *     or null if it was sent
     */
    public record Request(String url, String blockedReason) {
        public boolean wasBlocked() {
            return blockedReason != null;
        }

        @Override
        public String toString() {
            return blockedReason == null ? url : url + " (blocked by the browser: " + blockedReason + ")";
        }
    }

    private JsonNode command(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode reply = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + ": " + reply.path("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Collects whole messages (the JDK hands them in parts) and routes answers and network events. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                handle(message.toString());
                message.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(String text) {
            try {
                JsonNode node = JSON.readTree(text);
                if (node.has("id")) {
                    Optional.ofNullable(pending.get(node.get("id").asInt())).ifPresent(f -> f.complete(node));
                } else if ("Network.requestWillBeSent".equals(node.path("method").asText())) {
                    requests.put(node.path("params").path("requestId").asText(),
                            node.path("params").path("request").path("url").asText());
                } else if ("Network.loadingFailed".equals(node.path("method").asText())
                        && node.path("params").hasNonNull("blockedReason")) {
                    blocked.put(node.path("params").path("requestId").asText(),
                            node.path("params").path("blockedReason").asText());
                } else if ("Runtime.consoleAPICalled".equals(node.path("method").asText())) {
                    String type = node.path("params").path("type").asText();
                    if (type.equals("error") || type.equals("assert")) {
                        List<String> args = new java.util.ArrayList<>();
                        node.path("params").path("args").forEach(a -> args.add(a.has("value")
                                ? a.path("value").asText() : a.path("description").asText(a.path("type").asText())));
                        consoleErrors.add("console." + type + ": " + String.join(" ", args));
                    }
                } else if ("Runtime.exceptionThrown".equals(node.path("method").asText())) {
                    JsonNode details = node.path("params").path("exceptionDetails");
                    consoleErrors.add("uncaught: " + details.path("exception").path("description")
                            .asText(details.path("text").asText()));
                } else if ("Log.entryAdded".equals(node.path("method").asText())
                        && "error".equals(node.path("params").path("entry").path("level").asText())) {
                    JsonNode entry = node.path("params").path("entry");
                    consoleErrors.add(entry.path("source").asText() + ": " + entry.path("text").asText()
                            + (entry.hasNonNull("url") ? " (" + entry.path("url").asText() + ")" : ""));
                }
            } catch (IOException e) {
                pending.values().forEach(f -> f.completeExceptionally(e));
            }
        }
    }
}
