package io.hakit.contract.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of account 1234 (every documented exchange: each action, attach and detach, backups, conversion)
 * tried without a token and with account 5678's, through every path spelling the edge probes know that still names
 * a resource: each is refused (401 without a token, 403 with the other account's) and the world stays as it was.
 */
class IsolationTest {

    private static ReferenceEdge edge;

    @BeforeAll
    static void start() {
        edge = ReferenceEdge.shared();
    }

    @Test
    void noSpellingOfAnyOperationLetsAnotherAccountOrNoAccountIn() {
        EdgeProbes catalogue = new EdgeProbes(edge.host(), ReferenceEdge.TOKEN, ReferenceEdge.OTHER_TOKEN,
                ProbeRoute.everyExchange(ReferenceEdge.CONTRACT));
        List<EdgeProbe> probes = catalogue.isolation();
        List<EdgeProbeRunner.Result> results = edge.runner(EdgeJudge.Mode.STRICT).run(probes);
        EdgeReport.write(Path.of("target/edge-probes/isolation.txt"), results);

        long operations = probes.stream().map(p -> p.route().operationId()).distinct().count();
        Map<String, Long> byCheck = results.stream().flatMap(r -> r.violations().stream())
                .collect(Collectors.groupingBy(EdgeJudge.Violation::check, TreeMap::new, Collectors.counting()));
        List<String> failures = results.stream().filter(r -> !r.passed()).limit(30)
                .map(r -> r.probe().id() + ": " + r.answer().summary() + " " + r.violations()).toList();
        System.out.printf("ISOLATION: %d probes over %d documented exchanges, %d failed %s%n", results.size(), operations,
                results.stream().filter(r -> !r.passed()).count(), byCheck);
        assertThat(operations).as("every documented exchange").isEqualTo(ReferenceEdge.CONTRACT.documentedExchanges().stream()
                .filter(e -> !e.carrier().pathTemplate().equals("/") && !e.carrier().pathTemplate().equals("/{version}")).count());
        assertThat(failures).as("%s", byCheck).isEmpty();
    }
}
