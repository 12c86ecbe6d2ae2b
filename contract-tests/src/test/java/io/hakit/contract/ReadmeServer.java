package io.hakit.contract;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference server as the README's command runs it: its own JVM, with {@code server-stub/jvm.options}, from the
 * repository's root (the options file names the class-data archive by a relative path). What the in-process servers
 * of the other suites do not have: the JVM options and what {@code main} sets before the server starts.
 */
public final class ReadmeServer implements AutoCloseable {

    public static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    public static final Path JAR = ROOT.resolve("server-stub/target/ha-reference-server.jar");
    private static final Path OPTIONS = ROOT.resolve("server-stub/jvm.options");
    private static final Path LOG = ROOT.resolve("contract-tests/target/readme-server.log");

    private final Process process;
    private final URI uri;

    private ReadmeServer(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /** The README's command on {@code port}, with the server's options after it ({@code --public-url URL}, ...). */
    public static ProcessBuilder command(int port, String... serverOptions) {
        List<String> command = new ArrayList<>(List.of("java", "@" + OPTIONS, "-jar", JAR.toString(),
                "--port", String.valueOf(port)));
        command.addAll(List.of(serverOptions));
        return new ProcessBuilder(command).directory(ROOT.toFile());
    }

    /** Started on a free port and answering {@code GET /}; its output in contract-tests/target/readme-server.log. */
    public static ReadmeServer start(String... serverOptions) {
        int port = freePort();
        try {
            Files.createDirectories(LOG.getParent());
            Process process = command(port, serverOptions).redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
            ReadmeServer server = new ReadmeServer(process, URI.create("http://127.0.0.1:" + port));
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the README's command", e);
        }
    }

    public URI uri() {
        return uri;
    }

    /** Polls {@code GET /} with back-off, for at most a minute. */
    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant deadline = Instant.now().plusSeconds(60);
        long pause = 20;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + LOG);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri.resolve("/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause = Math.min(pause * 3 / 2, 1000);
        }
        close();
        throw new IllegalStateException("the README's command did not answer GET / within a minute; see " + LOG);
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
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
