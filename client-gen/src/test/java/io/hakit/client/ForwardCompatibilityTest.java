package io.hakit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forward compatibility, per toolchain: the answers of a newer service (response schemas are open, and the service
 * may add states and faults) must be read, not thrown. A small server here answers as such a service would: the
 * documented group (showHaInstanceResponse) in a state no client knows ({@code PROMOTE}), with fields no client knows
 * and values no client knows in its nested enums (a link's {@code rel}, a network's name),
 * a list holding it, a fault by a name no client knows (409 {@code conflictingRequest}), a 422, a 413 whose
 * seconds are only in {@code Retry-After} and one whose {@code Retry-After} is an HTTP-date (as HTTP allows: the
 * client gives the seconds until then), and a restart's 202 whose body is only white space (no content to read);
 * and what is no fault must not be one: a 200 whose group is unreadable,
 * a 200 with no group ({@code {}}) and a 200 whose group lacks required members (name, state), and a connection
 * refused. Each toolchain's program (client-gen/drivers/TOOLCHAIN, "forward") calls
 * them through HaApi and checks what it read.
 */
class ForwardCompatibilityTest {

    static final String GROUP = "e7fdf90b-7140-4edb-b449-e093d55008fb";
    /** How far ahead the HTTP-date of the "dated" 413's Retry-After is: a client reads 1 to this many seconds. */
    static final int DATED_RETRY_SECONDS = 120;
    /** HTTP's preferred date form (RFC 9110, 5.6.7): two-digit day, GMT. */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MODULE = Toolchains.MODULE;
    private static HttpServer future;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        ObjectNode group = (ObjectNode) new YAMLMapper().readTree(Toolchains.ROOT.resolve("openapi/components/examples/showHaInstance.yaml")
                .toFile()).at("/showHaInstanceResponse/value/ha_instance").deepCopy();
        group.put("state", "PROMOTE").put("zone", "ord-2").putObject("maintenance_window").put("day", "sunday");
        ((ObjectNode) group.get("volume")).put("used", 0.4);
        ((ObjectNode) group.at("/flavor/links/0")).put("rel", "describedby");
        ((ObjectNode) group.at("/networks/0")).put("network", "private");
        String show = JSON.createObjectNode().set("ha_instance", group).toString();
        String list = """
                {"ha_instances": [
                  {"id": "%s", "name": "ha-1", "state": "PROMOTE", "zone": "ord-2", "datastore": {"type": "mysql", "version": "5.6"}},
                  {"id": "1ca4d721-d194-4e1d-9bef-73608d52a969", "name": "ha-2", "state": "ACTIVE", "datastore": {"type": "mysql", "version": "5.6"}}
                ]}""".formatted(GROUP);
        ObjectNode partial = group.deepCopy();
        partial.remove("name");
        partial.remove("state");
        String nameless = JSON.createObjectNode().set("ha_instance", partial).toString();
        String prefix = "/v1.0/1234/ha/" + GROUP;
        future = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        future.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            if (key.equals("GET " + prefix)) {
                answer(exchange, 200, show, Map.of());
            } else if (key.equals("GET /v1.0/1234/ha/unreadable")) {
                answer(exchange, 200, "{\"ha_instance\": []}", Map.of());
            } else if (key.equals("GET /v1.0/1234/ha/shapeless")) {
                answer(exchange, 200, "{}", Map.of());
            } else if (key.equals("GET /v1.0/1234/ha/nameless")) {
                answer(exchange, 200, nameless, Map.of());
            } else if (key.equals("GET /v1.0/1234/ha")) {
                answer(exchange, 200, list, Map.of());
            } else if (key.equals("GET " + prefix + "/acls")) {
                answer(exchange, 409, "{\"conflictingRequest\": {\"code\": 409, \"message\": \"A change to this group is under way.\"}}", Map.of());
            } else if (key.equals("DELETE " + prefix)) {
                answer(exchange, 422, "{\"unprocessableEntity\": {\"code\": 422, \"message\": \"The group is being upgraded.\", "
                        + "\"details\": \"Wait for ACTIVE.\"}}", Map.of());
            } else if (key.equals("GET " + prefix + "/backups")) {
                answer(exchange, 413, "{\"overLimit\": {\"code\": 413, \"message\": \"Too many requests.\"}}", Map.of("Retry-After", "45"));
            } else if (key.equals("GET /v1.0/1234/ha/dated/backups")) {
                answer(exchange, 413, "{\"overLimit\": {\"code\": 413, \"message\": \"Too many requests.\"}}",
                        Map.of("Retry-After", IMF_FIXDATE.format(
                                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(DATED_RETRY_SECONDS))));
            } else if (key.equals("POST " + prefix + "/action")) {
                answer(exchange, 202, " \r\n", Map.of());
            } else {
                answer(exchange, 404, "{\"itemNotFound\": {\"code\": 404, \"message\": \"not in this test: " + key + "\"}}", Map.of());
            }
        });
        future.start();
        base = "http://127.0.0.1:" + future.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        future.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void javaNative() throws Exception {
        runJava("io.hakit.client", null);
    }

    @Test
    void javaOkhttpGson() throws Exception {
        runJava("io.hakit.clients.okhttp", "ApiClient c = new ApiClient(); c.setBasePath(base); c.setApiKey(token); return c;");
    }

    @Test
    void javaRestclient() throws Exception {
        runJava("io.hakit.clients.restclient", "ApiClient c = new ApiClient(); c.setBasePath(base); c.setApiKey(token); return c;");
    }

    @Test
    void kotlin() throws Exception {
        try {
            Class.forName("io.hakit.clients.kotlin.drivers.ForwardKt").getMethod("forward", String.class, String.class)
                    .invoke(null, base, GROUP);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new AssertionError("the kotlin forward program failed", e.getCause());
        }
    }

    @Test
    void typescriptFetch() {
        compiles(List.of(Toolchains.tsc(), "-p", "drivers/typescript-fetch/tsconfig.json"));
        drive(List.of("node", "target/drivers/typescript-fetch/drivers/typescript-fetch/forward.js"), Map.of());
    }

    @Test
    void openapiTypescriptWithOpenapiFetch() {
        Toolchains.openapiTypescriptTypes();
        compiles(List.of(Toolchains.tsc(), "-p", "drivers/openapi-fetch/tsconfig.json"));
        drive(List.of("node", "target/drivers/openapi-fetch/drivers/openapi-fetch/forward.js"), Map.of());
    }

    @Test
    void python() {
        Toolchains.assumePython();
        drive(List.of("python3", "drivers/python/forward.py"), Map.of("PYTHONPATH", Toolchains.CLIENTS.resolve("python").toString()));
    }

    @Test
    void go() {
        Optional<Path> go = Toolchains.go();
        if (System.getenv("HAKIT_REQUIRE_GO") == null) {
            assumeTrue(go.isPresent(), "no Go 1.23 here: install golang-1.23-go from bookworm-backports (see .ci/run)");
        }
        ProcessRun build = ProcessRun.run(MODULE.resolve("drivers/go"), Toolchains.offlineGo(), List.of(go.orElseThrow().toString(),
                "build", "-o", MODULE.resolve("target/drivers/go-driver").toString(), "."));
        assertThat(build.succeeded()).as(build.output()).isTrue();
        drive(List.of(MODULE.resolve("target/drivers/go-driver").toString(), "forward"), Map.of());
    }

    private static void compiles(List<String> command) {
        ProcessRun run = ProcessRun.run(MODULE, Map.of(), command);
        assertThat(run.succeeded()).as(run.output()).isTrue();
    }

    private static void drive(List<String> command, Map<String, String> environment) {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(base, GROUP));
        ProcessRun run = ProcessRun.run(MODULE, environment, full);
        assertThat(run.succeeded()).as(run.output()).isTrue();
        assertThat(run.output()).contains("forward ok");
    }

    /** Forward.java for one library, rewritten and compiled like ClientMatrixTest's Driver.java. */
    private static void runJava(String pkg, String clientLine) throws Exception {
        String source = Files.readString(MODULE.resolve("drivers/java/Forward.java"));
        if (clientLine != null) {
            source = source.replaceAll("return io\\.hakit\\.client\\.HaClients[^\n]*", java.util.regex.Matcher.quoteReplacement(clientLine))
                    .replace("io.hakit.client.", pkg + ".");
        }
        Path out = MODULE.resolve("target/drivers/forward-java/" + pkg);
        Path file = out.resolve("src/Forward.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.replace("package io.hakit.client.drivers;", "package " + pkg + ".drivers;"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        java.io.StringWriter errors = new java.io.StringWriter();
        boolean compiled = javac.getTask(errors, null, null, List.of("-d", out.resolve("classes").toString(), "-classpath", classpath),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile())).call();
        assertThat(compiled).as("the %s forward program compiles: %s", pkg, errors).isTrue();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.resolve("classes").toUri().toURL()},
                ForwardCompatibilityTest.class.getClassLoader())) {
            loader.loadClass(pkg + ".drivers.Forward").getMethod("run", String.class, String.class).invoke(null, base, GROUP);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new AssertionError("the " + pkg + " forward program failed", e.getCause());
        }
    }
}
