package io.hakit.contract.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.contract.edge.EdgeProbe.ProbeClass;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference server's HTTP edge, probed over raw sockets class by class (URL grammar, headers, framing, methods,
 * versions): every probe gets the answer the kit documents for it, the world stays as it was, and the server still
 * answers afterwards.
 */
class EdgeProbesTest {

    private static ReferenceEdge edge;
    private static List<EdgeProbe> catalogue;

    @BeforeAll
    static void start() {
        edge = ReferenceEdge.shared();
        catalogue = edge.catalogue().all();
    }

    @ParameterizedTest
    @EnumSource(value = ProbeClass.class, names = {"URL_GRAMMAR", "HEADERS", "FRAMING", "METHODS", "VERSIONS"})
    void everyProbeOfTheClassGetsItsDocumentedAnswer(ProbeClass probeClass) {
        List<EdgeProbe> probes = EdgeProbes.ofClass(catalogue, probeClass);
        List<EdgeProbeRunner.Result> results = edge.runner(EdgeJudge.Mode.STRICT).run(probes);

        List<String> failures = results.stream().filter(r -> !r.passed())
                .map(r -> r.probe().id() + "\n    sent " + abbreviate(r.probe().printable()) + "\n    got  "
                        + r.answer().summary() + "\n    " + r.violations())
                .toList();
        Map<String, Long> byCheck = results.stream().flatMap(r -> r.violations().stream())
                .collect(Collectors.groupingBy(EdgeJudge.Violation::check, TreeMap::new, Collectors.counting()));
        System.out.printf("%s: %d probes, %d failed %s%n", probeClass, results.size(), failures.size(), byCheck);
        EdgeReport.write(Path.of("target/edge-probes/" + probeClass.name().toLowerCase() + ".txt"), results);
        assertThat(probes).isNotEmpty();
        assertThat(failures).as("%d of %d %s probes failed %s; the first:%n%s", failures.size(), results.size(),
                probeClass, byCheck, String.join("\n", failures.stream().limit(40).toList())).isEmpty();
        assertThat(edge.healthy(Duration.ofSeconds(2))).as("GET / answers after the %s probes", probeClass).isTrue();
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...(" + text.length() + " chars)";
    }
}
