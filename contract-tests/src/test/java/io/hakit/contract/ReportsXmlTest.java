package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JUnit XML stays well-formed whatever an answer held: a binary body's control characters are escaped. */
class ReportsXmlTest {

    @Test
    void aFailureWhoseAnswerHoldsControlCharactersIsStillWellFormedXml(@TempDir Path reports) throws Exception {
        Conformance conformance = ScenarioClient.newConformance();
        GateConfig config = ScenarioClient.config("http://127.0.0.1:9", conformance);
        Exchange exchange = new Exchange("listHaInstances", "GET", "http://127.0.0.1:9/v1.0/1234/ha", Map.of(), null, 500,
                Map.of(), "\u0000\u0001binary\u001b[0m");
        conformance.violated("listHaInstances", "not_a_server_error", "GET /v1.0/1234/ha answered 500 \u0001\u001b[0m",
                exchange);
        GateRun.Result result = new GateRun.Result(GateRun.Outcome.VIOLATED, null, conformance, config, Duration.ZERO,
                new io.hakit.contract.fuzz.FuzzPhase.Result(0, 0, Map.of()), 0, List.of(), null);

        new Reports(result).writeTo(reports);

        Path xml = reports.resolve("TEST-gate.listHaInstances.xml");
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        String message = document.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message").getNodeValue();
        assertThat(message).contains("answered 500 \\u0001\\u001b[0m");
        assertThat(Files.readString(xml)).contains("\\u0000\\u0001binary");
    }
}
