package io.hakit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the build puts the clients, and the toolchains that check them (tsc, openapi-typescript, Go). */
final class Toolchains {

    static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    static final Path MODULE = ROOT.resolve("client-gen");
    static final Path CLIENTS = MODULE.resolve("target/clients");

    private Toolchains() {}

    /** TypeScript from this module's own lock file (client-gen/package.json), which the build installs. */
    static String tsc() {
        return MODULE.resolve("node_modules/.bin/tsc").toString();
    }

    /** openapi-typescript's types of the bundle, which the build writes (client-gen/pom.xml) beside openapi-fetch's HaApi. */
    static Path openapiTypescriptTypes() {
        Path types = CLIENTS.resolve("openapi-typescript/schema.d.ts");
        if (!Files.isRegularFile(types)) {
            throw new AssertionError("the build did not write " + types);
        }
        return types;
    }

    /**
     * Go 1.23 comes from Debian's backports (Debian 12's own golang is 1.19, older than the generated go.mod's
     * line); .ci/run installs it.
     */
    /**
     * Skips a Python driver where python3 lacks the generated client's requirements (pydantic 2.11+, urllib3 2,
     * python-dateutil, typing-extensions: no PyPI is reachable here, and Debian's pydantic is 1.x), unless
     * HAKIT_REQUIRE_PYTHON is set (.ci/run sets it: its machine has them), where a missing one fails.
     */
    static void assumePython() {
        ProcessRun check = ProcessRun.run(MODULE, Map.of(), List.of("python3", "-c", "import pydantic, urllib3, "
                + "dateutil, typing_extensions; assert tuple(map(int, pydantic.VERSION.split('.')[:2])) >= (2, 11), "
                + "'pydantic ' + pydantic.VERSION"));
        if (System.getenv("HAKIT_REQUIRE_PYTHON") == null) {
            org.junit.jupiter.api.Assumptions.assumeTrue(check.exitCode() == 0,
                    "python3 without the Python client's requirements: " + check.output());
        }
        assertThat(check.exitCode()).as("python3 with the Python client's requirements: %s", check.output()).isZero();
    }

    static Optional<Path> go() {
        return Stream.of(System.getenv("HAKIT_GO"), "/usr/lib/go-1.23/bin/go").filter(p -> p != null)
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * Offline Go: the client's one dependency from Debian's golang-gopkg-validator.v2-dev (the Go module proxy is
     * out of reach), copied as a module, since the Debian source has no go.mod.
     */
    static Map<String, String> offlineGo() {
        Path validator = Path.of("/usr/share/gocode/src/gopkg.in/validator.v2");
        assertThat(validator).as("golang-gopkg-validator.v2-dev").isDirectory();
        Path target = MODULE.resolve("target/go-deps/validator.v2");
        try {
            if (Files.exists(target)) {
                try (Stream<Path> old = Files.walk(target)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(validator)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".go")).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            Files.writeString(target.resolve("go.mod"), "module gopkg.in/validator.v2\n\ngo 1.12\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("GOTOOLCHAIN", "local", "GOPROXY", "off", "GOFLAGS", "-mod=mod",
                "GOCACHE", MODULE.resolve("target/go-cache").toString(), "GOPATH", MODULE.resolve("target/go-path").toString());
    }

    static void succeeds(ProcessRun run) {
        assertThat(run.succeeded()).as(run.output()).isTrue();
    }
}
