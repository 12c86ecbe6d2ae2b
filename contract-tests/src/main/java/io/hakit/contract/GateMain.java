package io.hakit.contract;

import io.hakit.contract.api.RestHaApi;
import io.hakit.openapi.HaContract;
import java.util.Arrays;

/**
 * The conformance gate: behaviour scenarios, negative testing and edge probes against any implementation of the HA
 * API, every answer judged against the document and every failure charged to its operation; reports per operation
 * (JUnit XML), for a pull request (summary.md) and for tools (report.json). Touches no /_emulator endpoint.
 *
 * <p>Exit codes: 0 the implementation conforms, 1 a contract violation, 2 a bad invocation (options, or inputs the
 * target refuses: a token, an id), 3 the target could not be reached. {@code --help} lists the options.
 */
public final class GateMain {

    static final int CONFORMS = 0;
    static final int VIOLATION = 1;
    static final int BAD_INVOCATION = 2;
    static final int UNREACHABLE = 3;

    private GateMain() {}

    public static void main(String[] args) {
        retryRequestsOnConnectionsFoundClosed();
        System.exit(run(args));
    }

    /**
     * A kept-alive connection the target closed while it was idle (its keep-alive timeout: Jetty's 10 s, nginx's 75 s)
     * is found closed only when a request reuses it, with no byte of an answer. The JDK's client then sends a GET again
     * on a new connection, but not a POST, which failed answer_complete: no fault of the implementation's. This has it
     * send any such request again (the JDK reads the property once, before its first request: the kit's test JVMs get
     * it from contract-tests/pom.xml).
     */
    static void retryRequestsOnConnectionsFoundClosed() {
        if (System.getProperty("jdk.httpclient.enableAllMethodRetry") == null) {
            System.setProperty("jdk.httpclient.enableAllMethodRetry", "true");
        }
    }

    /** Why the reports cannot be written to this directory (made if need be), or empty. */
    static java.util.Optional<String> unwritable(java.nio.file.Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Path probe = java.nio.file.Files.createTempFile(dir, ".gate-", ".probe");
            java.nio.file.Files.delete(probe);
            return java.util.Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Optional.of("--reports=" + dir + ": the reports cannot be written there (" + e + ")");
        }
    }

    static int run(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(GateConfig.usage());
            return CONFORMS;
        }
        HaContract contract = HaContract.load();
        Conformance conformance = new Conformance(contract);
        GateConfig config;
        try {
            GateConfig.repeated(args).ifPresent(repeat -> {
                throw new IllegalArgumentException(repeat);
            });
            config = GateConfig.fromArguments(args, conformance.operations());
        } catch (IllegalArgumentException e) {
            System.err.println("gate: " + e.getMessage());
            System.err.println("gate: --help lists the options");
            return BAD_INVOCATION;
        }
        java.util.Optional<String> reportsRefused = config.reports().flatMap(GateMain::unwritable);
        if (reportsRefused.isPresent()) { // found before the run, not after it (a stack trace and exit 1, "a violation")
            System.err.println("gate: " + reportsRefused.get());
            return BAD_INVOCATION;
        }
        Pause pause = Pause.sleeping(System.out);
        Target target = new Target(config, new RestHaApi(config, RestHaApi.documentValidator(), contract, conformance,
                pause), new PollingWaiter(config.waitBound(), System.out), conformance, contract, pause);
        System.out.printf("Gating %s (account %s) against the HA API document; seed %d%n", config.baseUrl(),
                config.accountId(), config.seed());
        GateRun.Result result = GateRun.run(target, System.out);
        Reports reports = new Reports(result);
        reports.print(System.out);
        if (config.reports().isPresent()) {
            java.nio.file.Path dir = config.reports().get();
            try {
                reports.writeTo(dir);
                System.out.println("Reports: " + dir.toAbsolutePath() + " (TEST-gate.*.xml, summary.md, report.json)");
            } catch (java.io.UncheckedIOException e) { // writable a moment ago; a verdict without its reports is none
                System.err.println("gate: --reports=" + dir + ": " + e.getMessage() + ": " + e.getCause());
                return BAD_INVOCATION;
            }
        }
        System.out.flush();
        return switch (result.outcome()) {
            case PASSED -> CONFORMS;
            case VIOLATED -> VIOLATION;
            case UNREACHABLE -> UNREACHABLE;
            case INPUT_REFUSED -> BAD_INVOCATION;
        };
    }
}
