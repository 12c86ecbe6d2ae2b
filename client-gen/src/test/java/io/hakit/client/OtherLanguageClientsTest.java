package io.hakit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hakit.server.ReferenceServer;
import io.hakit.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clients the build generates for other languages (target/clients/LANGUAGE), each checked with its own
 * toolchain and driven against the reference server by a smoke script in client-gen/smoke/LANGUAGE.
 */
class OtherLanguageClientsTest {

    private static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    private static final Path MODULE = ROOT.resolve("client-gen");
    private static final Path CLIENTS = MODULE.resolve("target/clients");
    private static final String TOKEN = "e3b2c743aebf467fb6b91cbb644c036e";

    private static ReferenceServer server;

    @BeforeAll
    static void start() {
        server = ReferenceServer.start(ServerConfig.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void documentedWorld() {
        ControlClient.of(server).reset("documented");
    }

    @Test
    void typescriptTypeChecksWithThePinnedTscAndDrivesTheServer() {
        String tsc = ROOT.resolve("node_modules/.bin/tsc").toString();
        assertSucceeds(ProcessRun.run(MODULE, Map.of(), List.of(tsc, "-p", CLIENTS.resolve("typescript/tsconfig.json").toString(), "--noEmit")));
        assertSucceeds(ProcessRun.run(MODULE, Map.of(), List.of(tsc, "-p", "smoke/typescript/tsconfig.json")));
        assertSmoke(ProcessRun.run(MODULE, Map.of(), List.of("node", "target/smoke-js/smoke/typescript/smoke.js",
                server.baseUri().toString(), TOKEN)));
    }

    /**
     * openapi-typescript's types of the bundle with openapi-fetch, the TypeScript toolchain client teams use most
     * (both pinned in the root package.json): generated, type-checked with the smoke program, and driven.
     */
    @Test
    void openapiTypescriptWithOpenapiFetchTypeChecksAndDrivesTheServer() {
        generateOpenapiTypescriptTypes();
        String tsc = ROOT.resolve("node_modules/.bin/tsc").toString();
        assertSucceeds(ProcessRun.run(MODULE, Map.of(), List.of(tsc, "-p", "smoke/openapi-fetch/tsconfig.json")));
        assertSmoke(ProcessRun.run(MODULE, Map.of(), List.of("node",
                "target/smoke-openapi-fetch/smoke/openapi-fetch/smoke.js", server.baseUri().toString(), TOKEN)));
    }

    /**
     * Types that cannot lie: with openapi-typescript's types, each program of typecheck/must-not-compile fails
     * {@code tsc --strict} with the error its first line expects (reading an action's answer without checking for
     * its absence: TS18047), and each of typecheck/must-compile passes, so that the failures are the checks and not
     * a broken setup. Against the document before its action answer was nullable, the first program compiles.
     */
    @Test
    void readingAnActionsAnswerWithoutCheckingForItsAbsenceDoesNotCompile() throws IOException {
        Path types = generateOpenapiTypescriptTypes();
        String tsc = ROOT.resolve("node_modules/.bin/tsc").toString();
        for (String kind : List.of("must-compile", "must-not-compile")) {
            try (Stream<Path> programs = Files.list(MODULE.resolve("typecheck").resolve(kind))) {
                for (Path program : programs.sorted().toList()) {
                    Path dir = MODULE.resolve("target/typecheck").resolve(program.getFileName().toString().replace(".ts", ""));
                    Files.createDirectories(dir);
                    Files.copy(types, dir.resolve("schema.d.ts"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.copy(program, dir.resolve(program.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    ProcessRun run = ProcessRun.run(dir, Map.of(), List.of(tsc, "--strict", "--noEmit", "--target", "es2022",
                            "--module", "esnext", "--moduleResolution", "bundler", "--skipLibCheck",
                            program.getFileName().toString()));
                    if (kind.equals("must-compile")) {
                        assertThat(run.succeeded()).as("%s compiles: %s", program.getFileName(), run.output()).isTrue();
                    } else {
                        String expected = Files.readAllLines(program).get(0).replace("// expect:", "").trim();
                        assertThat(run.succeeded()).as("%s must not compile", program.getFileName()).isFalse();
                        assertThat(run.output()).as("%s fails for its reason", program.getFileName()).contains("error " + expected);
                    }
                }
            }
        }
    }

    private static Path generateOpenapiTypescriptTypes() {
        Path types = CLIENTS.resolve("openapi-typescript/schema.d.ts");
        assertSucceeds(ProcessRun.run(MODULE, Map.of(), List.of(ROOT.resolve("node_modules/.bin/openapi-typescript").toString(),
                ROOT.resolve("openapi/target/ha-api.yaml").toString(), "-o", types.toString())));
        return types;
    }

    @Test
    void pythonByteCompilesImportsAndDrivesTheServer() {
        Map<String, String> path = Map.of("PYTHONPATH", CLIENTS.resolve("python").toString());
        assertSucceeds(ProcessRun.run(MODULE, Map.of(), List.of("python3", "-m", "compileall", "-q",
                CLIENTS.resolve("python/ha_client").toString())));
        assertSucceeds(ProcessRun.run(MODULE, path, List.of("python3", "-c", "import ha_client; ha_client.HAInstancesApi")));
        assertSmoke(ProcessRun.run(MODULE, path, List.of("python3", "smoke/python/smoke.py", server.baseUri().toString(), TOKEN)));
    }

    /**
     * Go 1.23 comes from Debian's backports (Debian 12's own golang is 1.19, older than the generated go.mod's
     * line) and the client's one dependency from Debian's golang-gopkg-validator.v2-dev; .ci/run installs both.
     */
    @Test
    void goBuildsAndDrivesTheServer() {
        Optional<Path> go = goToolchain();
        if (System.getenv("HAKIT_REQUIRE_GO") == null) {
            assumeTrue(go.isPresent(), "no Go 1.23 here: install golang-1.23-go from bookworm-backports (see .ci/run)");
        }
        Path validator = Path.of("/usr/share/gocode/src/gopkg.in/validator.v2");
        assertThat(go).as("Go 1.23 toolchain").isPresent();
        assertThat(validator).as("golang-gopkg-validator.v2-dev").isDirectory();
        Path deps = MODULE.resolve("target/go-deps/validator.v2");
        copyAsModule(validator, deps, "gopkg.in/validator.v2");
        Map<String, String> offline = Map.of("GOTOOLCHAIN", "local", "GOPROXY", "off", "GOFLAGS", "-mod=mod",
                "GOCACHE", MODULE.resolve("target/go-cache").toString(), "GOPATH", MODULE.resolve("target/go-path").toString());
        Path smoke = MODULE.resolve("smoke/go");
        assertSucceeds(ProcessRun.run(smoke, offline, List.of(go.get().toString(), "build", "-o",
                MODULE.resolve("target/go-smoke").toString(), ".")));
        assertSucceeds(ProcessRun.run(smoke, offline, List.of(go.get().toString(), "vet", "github.com/hakit/ha-client-go")));
        assertSmoke(ProcessRun.run(smoke, Map.of(), List.of(MODULE.resolve("target/go-smoke").toString(),
                server.baseUri().toString(), TOKEN)));
    }

    private static Optional<Path> goToolchain() {
        return Stream.of(System.getenv("HAKIT_GO"), "/usr/lib/go-1.23/bin/go").filter(p -> p != null)
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** The Debian source has no go.mod; a directory replacement needs one. */
    private static void copyAsModule(Path source, Path target, String module) {
        try {
            if (Files.exists(target)) {
                try (Stream<Path> old = Files.walk(target)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".go")).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            Files.writeString(target.resolve("go.mod"), "module " + module + "\n\ngo 1.12\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSucceeds(ProcessRun run) {
        assertThat(run.succeeded()).as(run.output()).isTrue();
    }

    private static void assertSmoke(ProcessRun run) {
        assertSucceeds(run);
        assertThat(run.output()).contains("smoke ok: 6 operations");
    }
}
