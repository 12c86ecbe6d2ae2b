package io.hakit.contract;

import io.hakit.contract.api.RestHaApi;
import io.hakit.openapi.HaContract;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conformance gate: runs the behaviour scenarios against any implementation of the HA API, validates every
 * answer against the document, prints a per-operation summary, writes JUnit XML, and exits non-zero on any
 * violation. Touches no /_emulator endpoint.
 *
 * <pre>java -jar ha-contract-gate.jar --baseUrl=http://HOST:PORT --accountId=ACCOUNT --token=TOKEN
 *     [--otherAccountId=A --otherToken=T] [--flavor=2] [--biggerFlavor=3] [--datastoreType=mariadb]
 *     [--datastoreVersion=10.4] [--upgradeVersion=10.4enc] [--waitSeconds=1200] [--configurationId=ID]
 *     [--replicationInstanceId=ID] [--reports=DIR]</pre>
 */
public final class GateMain {

    private GateMain() {}

    public static void main(String[] args) {
        List<String> gateArgs = new ArrayList<>();
        Optional<Path> reports = Optional.empty();
        for (String arg : args) {
            if (arg.startsWith("--reports=")) {
                reports = Optional.of(Path.of(arg.substring("--reports=".length())));
            } else {
                gateArgs.add(arg);
            }
        }
        GateConfig config;
        try {
            config = GateConfig.fromArguments(gateArgs.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("gate: " + e.getMessage());
            System.exit(2);
            return;
        }
        HaContract contract = HaContract.load();
        Conformance conformance = new Conformance(contract);
        Target target = new Target(config, new RestHaApi(config, RestHaApi.documentValidator(), contract, conformance),
                new PollingWaiter(config.waitBound()), conformance, contract);
        System.out.println("Gating " + config.baseUrl() + " (account " + config.accountId() + ") against the HA API document");
        GateRun.Result result = GateRun.run(target, reports);
        result.summary().printTo(new PrintWriter(System.out));
        result.summary().printFailuresTo(new PrintWriter(System.out), 20);
        conformance.print(System.out);
        reports.ifPresent(dir -> System.out.println("JUnit XML: " + dir.toAbsolutePath()));
        System.out.println(result.passed() ? "GATE PASSED" : "GATE FAILED");
        System.out.flush();
        System.exit(result.passed() ? 0 : 1);
    }
}
