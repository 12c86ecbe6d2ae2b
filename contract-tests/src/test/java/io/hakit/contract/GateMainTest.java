package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.openapi.HaContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate's command line refuses mistakes, and its exit codes tell a bad invocation from an unreachable target. */
class GateMainTest {

    private static final List<String> OPERATIONS = HaContract.load().operations().stream()
            .map(HaContract.NamedOperation::name).toList();
    private static final String[] REQUIRED = {"--baseUrl=http://127.0.0.1:9", "--accountId=1234", "--token=t"};

    @Test
    void helpListsEveryOptionAndExitsZero() {
        Run run = run("--help");
        assertThat(run.code()).isZero();
        GateConfig.OPTIONS.keySet().forEach(option -> assertThat(run.out()).contains("--" + option));
        assertThat(run.out()).contains("Exit codes");
    }

    /** A short token is masked where it stands as a token, not inside every word that holds its letters. */
    @Test
    void aShortTokenIsMaskedOnlyWhereItIsTheToken() {
        GateConfig config = GateConfig.fromArguments(new String[] {"--baseUrl=http://127.0.0.1:9", "--accountId=1234",
                "--token=x", "--otherAccountId=5678", "--otherToken=e"}, OPERATIONS);
        assertThat(Secrets.masked(config, "java.net.ConnectException; not exercised"))
                .isEqualTo("java.net.ConnectException; not exercised");
        assertThat(Secrets.masked(config, "-H \"X-Auth-Token: x\" and \"e\""))
                .isEqualTo("-H \"X-Auth-Token: $HA_TOKEN\" and \"$HA_OTHER_TOKEN\"");
        Run run = run("--baseUrl=http://127.0.0.1:" + freePort(), "--accountId=1234", "--token=x");
        assertThat(run.code()).isEqualTo(GateMain.UNREACHABLE);
        assertThat(run.out()).contains("ConnectException").doesNotContain("E$HA_TOKENception");
    }

    @Test
    void unknownOptionsAndTyposAreRefusedWithASuggestion() {
        assertThat(run("--baseUrl=http://x", "--accountId=1", "--token=t", "--waitSecnds=10").code()).isEqualTo(GateMain.BAD_INVOCATION);
        assertThatThrownBy(() -> GateConfig.fromArguments(args("--waitSecnds=10"), OPERATIONS))
                .hasMessageContaining("unknown option --waitSecnds").hasMessageContaining("did you mean --waitSeconds?");
        assertThatThrownBy(() -> GateConfig.fromArguments(args("positional"), OPERATIONS)).hasMessageContaining("--name=value");
    }

    @Test
    void requiredInputsAreRequired() {
        assertThatThrownBy(() -> GateConfig.fromArguments(new String[] {"--baseUrl=http://x", "--token=t"}, OPERATIONS))
                .hasMessageContaining("--accountId");
        assertThatThrownBy(() -> GateConfig.fromArguments(new String[] {"--accountId=1", "--token=t"}, OPERATIONS))
                .hasMessageContaining("--baseUrl");
        assertThatThrownBy(() -> GateConfig.fromArguments(new String[] {"--baseUrl=ftp://x", "--accountId=1", "--token=t"},
                OPERATIONS)).hasMessageContaining("http");
    }

    @Test
    void malformedValuesAreRefused() {
        for (String bad : List.of("--waitSeconds=soon", "--fuzz=-1", "--edge=maybe", "--require-all=yes",
                "--only=restartHaInstance,nothing", "--otherAccountId=5678")) {
            assertThatThrownBy(() -> GateConfig.fromArguments(args(bad), OPERATIONS)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The jar's command line takes each option once: a malformed first value of two was ignored, not refused. */
    @Test
    void anOptionGivenTwiceIsABadInvocation() {
        String[] twice = {"--baseUrl=http://127.0.0.1:" + freePort(), "--accountId=1234", "--token=t", "--fuzz=abc", "--fuzz=0"};
        Run run = run(twice);
        assertThat(run.code()).as(run.out()).isEqualTo(GateMain.BAD_INVOCATION);
        assertThat(GateConfig.repeated(twice)).hasValue("--fuzz is given more than once: give each option once");
        assertThat(GateConfig.repeated(new String[] {"--fuzz=0", "--require-all", "--seed=1"})).isEmpty();
    }

    /** A host name with '_' (a container's service name) is named as the problem, not "a URL with a host". */
    @Test
    void aHostNameWithAnUnderscoreIsNamedAsTheProblem() {
        assertThatThrownBy(() -> GateConfig.fromArguments(new String[] {"--baseUrl=http://ha_server:8080", "--accountId=1",
                "--token=t"}, OPERATIONS)).hasMessageContaining("has a '_'").hasMessageContaining("network alias");
    }

    /**
     * A base URL no service root can have is the caller's to fix (exit 2, naming --baseUrl): a port out of range threw
     * from the HTTP client (a stack trace, exit 1, "a contract violation"), and a query or a fragment swallowed the
     * /v1.0/{accountId}/... the gate appends, so it judged something else and could pass.
     */
    @Test
    void aBaseUrlThatIsNoServiceRootIsABadInvocation() {
        for (String base : List.of("http://127.0.0.1:99999", "http://127.0.0.1:0", "http://127.0.0.1:" + freePort() + "?x=1",
                "http://127.0.0.1:" + freePort() + "#top")) {
            Run run = run("--baseUrl=" + base, "--accountId=1234", "--token=t", "--fuzz=0", "--edge=off");
            assertThat(run.code()).as(base + ": " + run.out()).isEqualTo(GateMain.BAD_INVOCATION);
            assertThatThrownBy(() -> GateConfig.fromArguments(new String[] {"--baseUrl=" + base, "--accountId=1",
                    "--token=t"}, OPERATIONS)).as(base).hasMessageContaining("--baseUrl");
        }
    }

    /**
     * A reports directory that cannot be written is the caller's to fix, and is told before the run: it was found after
     * the whole run, as a stack trace and exit 1, "a contract violation", whatever the verdict.
     */
    @Test
    void aReportsDirectoryThatCannotBeWrittenIsABadInvocation() throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("gate-reports", ".txt");
        try {
            Run run = run("--baseUrl=http://127.0.0.1:" + freePort(), "--accountId=1234", "--token=t", "--reports=" + file);
            assertThat(run.code()).as(run.out()).isEqualTo(GateMain.BAD_INVOCATION);
            assertThat(run.out()).as("refused before the run").doesNotContain("Gating");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    /**
     * The version (or more) in the base URL: the gate's paths became /v1.0/v1.0/1234/ha, which the reference server
     * answers 403, and the gate said "--token: ... is it another account's?" of a right token.
     */
    @Test
    void aBaseUrlWithTheVersionInItIsRefusedNamingTheVersion() {
        for (String base : List.of("http://127.0.0.1:9/v1.0", "http://127.0.0.1:9/v1.0/1234", "http://127.0.0.1:9/prefix/v1.0/")) {
            assertThatThrownBy(() -> GateConfig.fromArguments(new String[] {"--baseUrl=" + base, "--accountId=1234",
                    "--token=t"}, OPERATIONS)).as(base).hasMessageContaining("--baseUrl is the service root, without /v1.0");
        }
        assertThat(GateConfig.fromArguments(new String[] {"--baseUrl=http://127.0.0.1:9/v1.0x", "--accountId=1234",
                "--token=t"}, OPERATIONS).baseUrl().getPath()).isEqualTo("/v1.0x");
    }

    @Test
    void anEmptyOnlyListNamesOnly() {
        assertThatThrownBy(() -> GateConfig.fromArguments(args("--only=,"), OPERATIONS))
                .hasMessageContaining("--only").hasMessageNotContaining("--skip");
    }

    @Test
    void onlyAndSkipChooseOperationsByName() {
        assertThat(GateConfig.fromArguments(args("--only=restartHaInstance,addHaAcl"), OPERATIONS).selected())
                .containsExactlyInAnyOrder("restartHaInstance", "addHaAcl");
        assertThat(GateConfig.fromArguments(args("--skip=convertToHa"), OPERATIONS).selected())
                .hasSize(OPERATIONS.size() - 1).doesNotContain("convertToHa");
        assertThat(GateConfig.fromArguments(args("--require-all"), OPERATIONS).requireAll()).isTrue();
        assertThat(GateConfig.fromArguments(args("--seed=42"), OPERATIONS).seed()).isEqualTo(42);
    }

    @Test
    void anUnreachableTargetExitsThreeNotOne() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // nothing listens once it is closed
        }
        Run run = run("--baseUrl=http://127.0.0.1:" + closed, "--accountId=1234", "--token=secret-token-value",
                "--requestTimeoutSeconds=2");
        assertThat(run.code()).isEqualTo(GateMain.UNREACHABLE);
        assertThat(run.out()).contains("cannot be reached").doesNotContain("secret-token-value");
    }

    /** A host that does not resolve said only "java.net.ConnectException", as a closed port does. */
    @Test
    void aHostThatDoesNotResolveIsNamedAsSuch() {
        Run run = run("--baseUrl=http://no-such-host.invalid:8080", "--accountId=1234", "--token=t",
                "--requestTimeoutSeconds=5");
        assertThat(run.code()).isEqualTo(GateMain.UNREACHABLE);
        assertThat(run.out()).contains("cannot be reached", "UnresolvedAddressException", "the host does not resolve");
    }

    /**
     * A target that sends an answer's head and then stalls, before the run (GET /) or at the token check: the JDK's
     * timeout ends with the head, and the gate waited for the rest for ever (no verdict, no reports, a CI job killed
     * at its own timeout). Now each is a bounded "cannot be reached" (exit 3) naming the bound.
     */
    @Test
    void aTargetThatStallsMidAnswerBeforeTheRunIsUnreachableWithinTheBound() throws IOException {
        for (java.util.function.Predicate<String> whole : List.<java.util.function.Predicate<String>>of(
                line -> false, line -> line.startsWith("GET / "))) {
            try (StallingServer stalling = new StallingServer(whole)) {
                Run run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                        () -> run("--baseUrl=" + stalling.baseUrl(), "--accountId=1234", "--token=secret-token-value",
                                "--requestTimeoutSeconds=2"));
                assertThat(run.code()).as(run.out()).isEqualTo(GateMain.UNREACHABLE);
                assertThat(run.out()).contains("GATE NOT RUN", "no whole answer within 2 s")
                        .doesNotContain("secret-token-value");
            }
        }
    }

    /**
     * A wrong --baseUrl that answers web pages (another service, a proxy's error page) is the caller's to fix: judged,
     * it read "GATE FAILED: the implementation violates the contract" (exit 1, 3 unimplemented, 18 not exercised).
     */
    @Test
    void aBaseUrlThatAnswersWebPagesIsABadInvocation() throws IOException {
        com.sun.net.httpserver.HttpServer html = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        html.createContext("/", exchange -> {
            byte[] page = "<!DOCTYPE html><html><head><title>Not Found</title></head><body>nginx</body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(404, page.length);
            try (var body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        html.start();
        try {
            Run run = run("--baseUrl=http://127.0.0.1:" + html.getAddress().getPort(), "--accountId=1234",
                    "--token=secret-token-value", "--edge=off", "--fuzz=0", "--requestTimeoutSeconds=5");
            assertThat(run.code()).as(run.out()).isEqualTo(GateMain.BAD_INVOCATION);
            assertThat(run.out()).contains("GATE NOT RUN", "with a web page", "is --baseUrl the root of the HA API")
                    .doesNotContain("violates").doesNotContain("secret-token-value").doesNotContain("\tat ");
        } finally {
            html.stop(0);
        }
    }

    /** A stale secret or a spent fixture is the caller's to fix: read as a violation, it blamed the implementation. */
    @Test
    void inputsTheTargetRefusesAreABadInvocationNotAViolation() {
        try (KitServers.GateServer server = KitServers.gateServer(io.hakit.server.domain.Durations.Profile.IMMEDIATE)) {
            String base = "--baseUrl=" + server.baseUri().toString().replaceAll("/$", "");
            Run token = run(base, "--accountId=1234", "--token=stale-token-value", "--edge=off", "--fuzz=0");
            Run other = run(base, "--accountId=1234", "--token=" + KitServers.TOKEN, "--otherAccountId=5678",
                    "--otherToken=" + KitServers.TOKEN, "--edge=off", "--fuzz=0");
            Run spent = run(base, "--accountId=1234", "--token=" + KitServers.TOKEN, "--replicationInstanceId=spent-1",
                    "--edge=off", "--fuzz=0");

            assertThat(token.code()).as(token.out()).isEqualTo(GateMain.BAD_INVOCATION);
            assertThat(token.out()).contains("--token: the target refused the token (401)", "GATE NOT RUN")
                    .doesNotContain("stale-token-value").doesNotContain("violates");
            assertThat(other.code()).as(other.out()).isEqualTo(GateMain.BAD_INVOCATION);
            assertThat(other.out()).contains("--otherToken: the target answered 403 for account 5678");
            assertThat(spent.code()).as(spent.out()).isEqualTo(GateMain.BAD_INVOCATION);
            assertThat(spent.out()).contains("--replicationInstanceId=spent-1: the target has no such instance");
        }
    }

    /** Its refusals and edge probes passed, but what convertToHa does was never shown: not exercised, not passed. */
    @Test
    void anOperationWhoseBehaviourWasNotShownIsNotExercised() {
        try (KitServers.GateServer server = KitServers.gateServer(io.hakit.server.domain.Durations.Profile.IMMEDIATE)) {
            Run run = run("--baseUrl=" + server.baseUri().toString().replaceAll("/$", ""), "--accountId=1234",
                    "--token=" + KitServers.TOKEN, "--only=convertToHa", "--fuzz=40", "--edge=off", "--require-all");

            assertThat(run.code()).as(run.out()).isEqualTo(GateMain.VIOLATION);
            assertThat(run.out()).containsPattern("convertToHa +not exercised +[1-9][0-9]* checks passed")
                    .contains("its documented behaviour not shown: ConversionScenarios: no replication setup given");
        }
    }

    private static String[] args(String... extra) {
        String[] all = java.util.Arrays.copyOf(REQUIRED, REQUIRED.length + extra.length);
        System.arraycopy(extra, 0, all, REQUIRED.length, extra.length);
        return all;
    }

    private record Run(int code, String out) {}

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return new Run(GateMain.run(args), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
