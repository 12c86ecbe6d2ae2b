package io.hakit.contract.edge;

import io.hakit.contract.Conformance;
import io.hakit.contract.Exchange;
import io.hakit.contract.Fixture;
import io.hakit.contract.GateConfig;
import io.hakit.contract.Secrets;
import io.hakit.contract.Target;
import io.hakit.openapi.HaContract;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The edge probes against the target (raw sockets, judged by the one rule), aimed at the gate's fixture: every
 * isolation probe (each route without a token and with another account's, in every spelling that still names a
 * resource: where a bypass would be), every header, framing, method and version probe, and a seeded sample of the
 * URL grammar's malformed spellings. Probes a correct server could answer by changing something (a valid create in
 * another spelling) are left out: the gate changes nothing it cannot clean.
 */
public final class EdgePhase {

    /** How many URL-grammar probes a run sends (of some 12,000 the catalogue holds; the seed chooses which). */
    static final int URL_SAMPLE = 600;

    private final Target target;
    private final GateConfig config;
    private final HaContract contract;
    private final Conformance conformance;
    private final PrintStream progress;

    public EdgePhase(Target target, PrintStream progress) {
        this.target = target;
        this.config = target.config();
        this.contract = target.contract();
        this.conformance = target.conformance();
        this.progress = progress;
    }

    /** @return how many probes were sent */
    public int run(Fixture fixture) {
        List<ProbeRoute> routes = fixture.routes(contract, config::judges);
        String host = config.baseUrl().getHost() + ":" + port();
        EdgeProbes catalogue = new EdgeProbes(host, config.token(), config.otherToken().orElse(config.token()), routes);
        List<EdgeProbe> probes = sample(catalogue);
        progress.printf("  edge probes: %d raw-socket requests%n", probes.size());
        EdgeProbeRunner runner = new EdgeProbeRunner(new InetSocketAddress(config.baseUrl().getHost(), port()), catalogue,
                new EdgeJudge(EdgeJudge.Mode.RULE, contract.faultNames()), config.requestTimeout(),
                config.requestTimeout().plusSeconds(5),
                new StateReads(() -> read(fixture::snapshot), () -> read(fixture::snapshotInAnyState)), null,
                probe -> !probe.route().method().equals("GET"));
        for (EdgeProbeRunner.Result result : runner.run(probes)) {
            charge(result);
        }
        return probes.size();
    }

    private List<EdgeProbe> sample(EdgeProbes catalogue) {
        List<EdgeProbe> chosen = new ArrayList<>();
        List<EdgeProbe> grammar = new ArrayList<>();
        List<EdgeProbe> candidates = new ArrayList<>(catalogue.all());
        candidates.addAll(catalogue.isolation());
        for (EdgeProbe probe : candidates) {
            boolean foreignWithoutSecondAccount = probe.credential() == EdgeProbe.Credential.FOREIGN && config.otherToken().isEmpty();
            if (probe.mayChangeState() || foreignWithoutSecondAccount) {
                continue;
            }
            (probe.probeClass() == EdgeProbe.ProbeClass.URL_GRAMMAR ? grammar : chosen).add(probe);
        }
        Collections.shuffle(grammar, new Random(config.seed()));
        chosen.addAll(grammar.subList(0, Math.min(URL_SAMPLE, grammar.size())));
        return chosen;
    }

    /** Each result charged to the named operation its route carries, check by check. */
    private void charge(EdgeProbeRunner.Result result) {
        EdgeProbe probe = result.probe();
        String operation = operation(probe.route());
        if (result.passed()) {
            conformance.passed(operation, "edge_" + probe.probeClass().name().toLowerCase());
            return;
        }
        Exchange exchange = Exchange.raw(operation, config.baseUrl().getHost(), port(),
                Secrets.masked(config, probe.printable()), result.answer().status(),
                Secrets.masked(config, result.answer().summary()));
        for (EdgeJudge.Violation violation : result.violations()) {
            String check = violation.check().equals("ignored_auth") ? "ignored_auth" : "edge_" + violation.check();
            conformance.violated(operation, check, "edge probe " + probe.id() + ": " + Secrets.masked(config, violation.detail()),
                    exchange);
        }
    }

    private String operation(ProbeRoute route) {
        com.fasterxml.jackson.databind.JsonNode body = null;
        try {
            body = route.body().isPresent() ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(route.body().get()) : null;
        } catch (IOException notJson) {
            // no action can be read from it
        }
        return contract.namedOperation(route.operationId(), body).orElse(route.operationId());
    }

    private static String read(Supplier<Optional<String>> snapshot) {
        try {
            return snapshot.get().orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private int port() {
        int port = config.baseUrl().getPort();
        return port > 0 ? port : config.baseUrl().getScheme().equals("https") ? 443 : 80;
    }
}
