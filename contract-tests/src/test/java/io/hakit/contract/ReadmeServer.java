package io.hakit.contract;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
        int port = LocalProcesses.freePort();
        try {
            Files.createDirectories(LOG.getParent());
            Process process = command(port, serverOptions).redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
            ReadmeServer server = new ReadmeServer(process, URI.create("http://127.0.0.1:" + port));
            try {
                LocalProcesses.awaitRoot(process, server.uri, "the README's command", LOG);
            } catch (RuntimeException notReady) {
                server.close();
                throw notReady;
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the README's command", e);
        }
    }

    public URI uri() {
        return uri;
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
