package io.hakit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.openapi.HaContract;
import io.hakit.server.ReferenceServer;
import io.hakit.server.ServerConfig;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client matrix: per toolchain, a driver (client-gen/drivers/TOOLCHAIN) runs all 21 operations, the list calls'
 * query parameters (limit 1 then the first page's marker, a datastore filter) and four typed faults (401, 404, 400, and a 413 with Retry-After, injected, that must reach the caller at once with its retryAfter) through that client's typed calls (generated from x-operations) against one reference
 * server, each from the empty world with what the control API adds (a configuration group, a replication setup)
 * and the strict ACL encoding, so that every client is shown to send the documented address. Besides the driver's
 * own checks, the server's journal must show each of the 21 operations answered with a 2xx.
 */
class ClientMatrixTest {

    private static final String TOKEN = "e3b2c743aebf467fb6b91cbb644c036e";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MODULE = Toolchains.MODULE;
    private static final Path CLIENTS = Toolchains.CLIENTS;

    private static ReferenceServer server;
    private static ControlClient control;

    @BeforeAll
    static void start() {
        server = ReferenceServer.start(ServerConfig.defaults().withPort(0));
        control = ControlClient.of(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The empty world, immediate transitions, strict ACL encoding, and what the HA API cannot create. */
    private static List<String> emptyWorld() {
        control.post("/_emulator/reset", "{}"); // a whole reset also disarms injected faults
        control.put("/_emulator/durations", "{\"profile\": \"immediate\"}");
        control.put("/_emulator/acl-encoding", "{\"mode\": \"strict\"}");
        JsonNode configuration = read(control.send("POST", "/_emulator/accounts/1234/configurations",
                "{\"name\": \"driver\", \"datastore\": {\"type\": \"mariadb\", \"version\": \"10.4\"}, \"values\": {\"max_connections\": 200}}"));
        JsonNode setup = read(control.send("POST", "/_emulator/accounts/1234/replication-setups",
                "{\"name\": \"driver\", \"datastore\": {\"type\": \"mariadb\", \"version\": \"10.4\"}}"));
        control.send("DELETE", "/_emulator/journal", null);
        return List.of(server.baseUri().toString(), TOKEN, configuration.get("id").asText(), setup.at("/replicaIds/0").asText());
    }

    @Test
    void javaNative() throws Exception {
        runJava("io.hakit.client", null);
    }

    @Test
    void javaOkhttpGson() throws Exception {
        runJava("io.hakit.clients.okhttp", "ApiClient c = new ApiClient(); c.setBasePath(base); c.setApiKey(token); return c;");
    }

    /**
     * restclient's own ObjectMapper writes unset fields as null ({@code "add_replica": null, ...}: two keys); its
     * ApiClient takes a mapper, so the driver gives it one that leaves them out.
     */
    @Test
    void javaRestclient() throws Exception {
        runJava("io.hakit.clients.restclient", "ApiClient c = new ApiClient(ApiClient.createDefaultMapper(null)"
                + ".setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL), "
                + "ApiClient.createDefaultDateFormat()); c.setBasePath(base); c.setApiKey(token); return c;");
    }

    /**
     * restclient with the ApiClient a team makes first ({@code new ApiClient()}, its own mapper writing unset fields as
     * null): HaApi must still send bodies the API takes.
     */
    @Test
    void javaRestclientWithItsDefaultApiClient() throws Exception {
        runJava("io.hakit.clients.restclient", "ApiClient c = new ApiClient(); c.setBasePath(base); c.setApiKey(token); return c;",
                "restclient-default-client");
    }

    /** Kotlin (jvm-okhttp4, moshi, nullableReturnType=true): the client and its driver compiled by the build. */
    @Test
    void kotlin() throws Exception {
        List<String> world = emptyWorld();
        try {
            Class.forName("io.hakit.clients.kotlin.drivers.DriverKt")
                    .getMethod("run", String.class, String.class, String.class, String.class)
                    .invoke(null, world.get(0), world.get(1), world.get(2), world.get(3));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new AssertionError("the kotlin driver failed", e.getCause());
        }
        assertEveryOperationAnswered();
    }

    @Test
    void typescriptFetch() {
        // the package as a team builds it (npm run build), with its own settings: it targets es6
        succeeds(ProcessRun.run(MODULE, Map.of(), List.of(Toolchains.tsc(), "-p",
                CLIENTS.resolve("typescript/tsconfig.json").toString(), "--noEmit")));
        succeeds(ProcessRun.run(MODULE, Map.of(), List.of(Toolchains.tsc(), "-p", "drivers/typescript-fetch/tsconfig.json")));
        drive(List.of("node", "target/drivers/typescript-fetch/drivers/typescript-fetch/driver.js"), Map.of());
    }

    @Test
    void openapiTypescriptWithOpenapiFetch() {
        Toolchains.openapiTypescriptTypes();
        succeeds(ProcessRun.run(MODULE, Map.of(), List.of(Toolchains.tsc(), "-p", "drivers/openapi-fetch/tsconfig.json")));
        drive(List.of("node", "target/drivers/openapi-fetch/drivers/openapi-fetch/driver.js"), Map.of());
    }

    @Test
    void python() {
        Toolchains.assumePython();
        drive(List.of("python3", "drivers/python/driver.py"), Map.of("PYTHONPATH", CLIENTS.resolve("python").toString()));
    }

    @Test
    void go() {
        Optional<Path> go = Toolchains.go();
        if (System.getenv("HAKIT_REQUIRE_GO") == null) {
            assumeTrue(go.isPresent(), "no Go 1.23 here: install golang-1.23-go from bookworm-backports (see .ci/run)");
        }
        Map<String, String> offline = Toolchains.offlineGo();
        succeeds(ProcessRun.run(MODULE.resolve("drivers/go"), offline, List.of(go.orElseThrow().toString(), "build", "-o",
                MODULE.resolve("target/drivers/go-driver").toString(), ".")));
        succeeds(ProcessRun.run(MODULE.resolve("drivers/go"), offline, List.of(go.orElseThrow().toString(), "vet",
                "github.com/hakit/ha-client-go", ".")));
        drive(List.of(MODULE.resolve("target/drivers/go-driver").toString()), Map.of());
    }

    /** A driver fails when the server is wrong: here one answer of the 21 is a 500 (an injected fault). */
    @Test
    void aDriverFailsWhenTheServerAnswersOneOperationWrong() {
        Toolchains.assumePython();
        List<String> full = new ArrayList<>(List.of("python3", "drivers/python/driver.py"));
        full.addAll(emptyWorld());
        control.post("/_emulator/faults", "{\"operation\": \"deleteHaAcl\", \"status\": 500}");
        ProcessRun run = ProcessRun.run(MODULE, Map.of("PYTHONPATH", CLIENTS.resolve("python").toString()), full);
        assertThat(run.succeeded()).as(run.output()).isFalse();
        assertThat(run.output()).contains("HaFault").contains("instanceFault (500)").doesNotContain("driver ok");
    }

    private static void drive(List<String> command, Map<String, String> environment) {
        List<String> full = new ArrayList<>(command);
        full.addAll(emptyWorld());
        ProcessRun run = ProcessRun.run(MODULE, environment, full);
        succeeds(run);
        assertThat(run.output()).contains("driver ok: 21 operations, paging, 4 faults");
        assertEveryOperationAnswered();
    }

    /**
     * Compiles the one Java driver for a library (its package, and the line that makes its ApiClient) against the
     * test classpath, where the build compiled that library's client, and runs it in this JVM.
     */
    private static void runJava(String pkg, String clientLine) throws Exception {
        runJava(pkg, clientLine, pkg);
    }

    private static void runJava(String pkg, String clientLine, String outName) throws Exception {
        String source = Files.readString(MODULE.resolve("drivers/java/Driver.java"));
        if (clientLine != null) {
            source = source.replaceAll("return io\\.hakit\\.client\\.HaClients[^\n]*", java.util.regex.Matcher.quoteReplacement(clientLine))
                    .replace("io.hakit.client.", pkg + ".");
        }
        Path out = MODULE.resolve("target/drivers/java/" + outName);
        Path file = out.resolve("src/Driver.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.replace("package io.hakit.client.drivers;", "package " + pkg + ".drivers;"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        java.io.StringWriter errors = new java.io.StringWriter();
        boolean compiled = javac.getTask(errors, null, null, List.of("-d", out.resolve("classes").toString(),
                "-classpath", classpath), null, javac.getStandardFileManager(null, null, null)
                .getJavaFileObjects(file.toFile())).call();
        assertThat(compiled).as("the %s driver compiles: %s", pkg, errors).isTrue();
        List<String> world = emptyWorld();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.resolve("classes").toUri().toURL()},
                ClientMatrixTest.class.getClassLoader())) {
            loader.loadClass(pkg + ".drivers.Driver").getMethod("run", String.class, String.class, String.class, String.class)
                    .invoke(null, world.get(0), world.get(1), world.get(2), world.get(3));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new AssertionError("the " + pkg + " driver failed", e.getCause());
        }
        assertEveryOperationAnswered();
    }

    /** The server's own account: each of the 21 operations answered at least once with a 2xx. */
    private static void assertEveryOperationAnswered() {
        Set<String> answered = new TreeSet<>();
        read(control.send("GET", "/_emulator/journal?account=1234", null)).path("entries").forEach(entry -> {
            if (entry.path("status").asInt() / 100 == 2 && entry.hasNonNull("operation")) {
                answered.add(entry.get("operation").asText());
            }
        });
        assertThat(answered).as("operations answered with a 2xx")
                .containsAll(HaContract.load().operations().stream().map(HaContract.NamedOperation::name).toList());
    }

    private static void succeeds(ProcessRun run) {
        assertThat(run.succeeded()).as(run.output()).isTrue();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
