package io.hakit.contract;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Prism 5.16 (node_modules/.bin/prism, from the root package-lock.json) mocking the bundled document on a free port. */
final class PrismMock implements AutoCloseable {

    private final Process process;
    private final URI uri;

    private PrismMock(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    static PrismMock start() {
        Path root = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
        int port = freePort();
        try {
            ProcessBuilder builder = new ProcessBuilder(root.resolve("node_modules/.bin/prism").toString(), "mock",
                    "-h", "127.0.0.1", "-p", String.valueOf(port), root.resolve("openapi/target/ha-api.yaml").toString())
                    .redirectErrorStream(true).redirectOutput(root.resolve("contract-tests/target/prism.log").toFile());
            builder.environment().put("SCARF_ANALYTICS", "false");
            PrismMock prism = new PrismMock(builder.start(), URI.create("http://127.0.0.1:" + port));
            prism.awaitReady();
            return prism;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Prism", e);
        }
    }

    URI uri() {
        return uri;
    }

    /** Polls the version list with back-off, for at most a minute (Prism takes a few seconds to start). */
    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant deadline = Instant.now().plusSeconds(60);
        long pause = 100;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prism exited with " + process.exitValue() + "; see contract-tests/target/prism.log");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri.resolve("/")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(pause);
            pause = Math.min(pause * 3 / 2, 2000);
        }
        close();
        throw new IllegalStateException("Prism did not answer within a minute; see contract-tests/target/prism.log");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
