package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * summary.md is for a pull-request comment, whatever the run found: a failing run through a proxy whose errors are web
 * pages wrote 381 KB of it, which GitHub refuses (65,536 characters at most). report.json keeps everything.
 */
class ReportsSummaryLengthTest {

    @Test
    void aRunWithManyLongFailuresStillGivesACommentSizedSummary(@TempDir Path reports) throws Exception {
        Conformance conformance = ScenarioClient.newConformance();
        GateConfig config = ScenarioClient.config("http://127.0.0.1:9", conformance);
        String page = "<html><body>" + "<p>The proxy could not reach the upstream server.</p>".repeat(400) + "</body></html>";
        for (String operation : conformance.operations()) {
            for (int i = 0; i < 40; i++) {
                Exchange exchange = new Exchange(operation, "GET", "http://127.0.0.1:9/v1.0/1234/ha/" + i, Map.of(), null, 502,
                        Map.of("Content-Type", "text/html"), page);
                conformance.violated(operation, "check_" + i, "GET /v1.0/1234/ha/" + i + " answered 502: " + page, exchange);
            }
        }
        GateRun.Result result = new GateRun.Result(GateRun.Outcome.VIOLATED, null, conformance, config, Duration.ZERO,
                new io.hakit.contract.fuzz.FuzzPhase.Result(0, 0, Map.of()), 0, List.of(), null);

        new Reports(result).writeTo(reports);

        String summary = Files.readString(reports.resolve("summary.md"));
        assertThat(summary.length()).isLessThanOrEqualTo(Reports.SUMMARY_LIMIT);
        assertThat(summary).contains("more failures are in report.json").contains("more characters in report.json");
        assertThat(Files.readString(reports.resolve("report.json"))).contains("check_39").hasSizeGreaterThan(10 * Reports.SUMMARY_LIMIT);
    }

    @Test
    void aSummaryOverTheLimitIsCutWithANote() {
        String cut = Reports.withinCommentLimit("x".repeat(Reports.SUMMARY_LIMIT + 1));
        assertThat(cut).hasSize(Reports.SUMMARY_LIMIT).endsWith("report.json has it all.]\n");
        assertThat(Reports.withinCommentLimit("short")).isEqualTo("short");
    }
}
