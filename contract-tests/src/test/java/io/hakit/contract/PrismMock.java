package io.hakit.contract;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

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
        int port = LocalProcesses.freePort();
        Path log = root.resolve("contract-tests/target/prism.log");
        try {
            ProcessBuilder builder = new ProcessBuilder(root.resolve("node_modules/.bin/prism").toString(), "mock",
                    "-h", "127.0.0.1", "-p", String.valueOf(port), root.resolve("openapi/target/ha-api.yaml").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("SCARF_ANALYTICS", "false");
            PrismMock prism = new PrismMock(builder.start(), URI.create("http://127.0.0.1:" + port));
            try { // Prism takes a few seconds to start
                LocalProcesses.awaitRoot(prism.process, prism.uri, "Prism", log);
            } catch (RuntimeException notReady) {
                prism.close();
                throw notReady;
            }
            return prism;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Prism", e);
        }
    }

    URI uri() {
        return uri;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
