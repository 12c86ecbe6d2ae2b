package io.hakit.contract;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs the scenarios (io.hakit.contract.scenarios) against a target, in this JVM, through the JUnit Platform
 * launcher: the gate's main, and the kit's suites that show the gate at work, use this one path.
 */
public final class GateRun {

    /** What a run found: failed scenarios, and the per-operation conformance. */
    public record Result(TestExecutionSummary summary, Conformance conformance) {

        public boolean passed() {
            return summary.getTotalFailureCount() == 0 && !conformance.anyViolation();
        }
    }

    private GateRun() {}

    public static synchronized Result run(Target target, Optional<Path> xmlReports) {
        Target.use(target);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("io.hakit.contract.scenarios"))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.registerTestExecutionListeners(summary);
        xmlReports.ifPresent(dir -> launcher.registerTestExecutionListeners(
                new LegacyXmlReportGeneratingListener(dir, new PrintWriter(System.err))));
        launcher.execute(request);
        return new Result(summary.getSummary(), target.conformance());
    }
}
