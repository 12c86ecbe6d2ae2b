package io.hakit.contract;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.hakit.contract.api.ContractViolation;
import io.hakit.contract.edge.EdgePhase;
import io.hakit.contract.fuzz.FuzzPhase;
import io.hakit.openapi.ContractValidators;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * One run of the gate against a target, in this JVM: the behaviour scenarios (io.hakit.contract.scenarios, through
 * the JUnit Platform launcher), then the negative testing and the edge probes against a group of the gate's own,
 * then the clean-up. Every failure is charged to the operation it concerns. The gate's main and the kit's suites
 * that show the gate at work use this one path.
 */
public final class GateRun {

    /** How a run ended. */
    public enum Outcome { PASSED, VIOLATED, UNREACHABLE, INPUT_REFUSED }

    /** What a run found. */
    public record Result(Outcome outcome, TestExecutionSummary summary, Conformance conformance, GateConfig config,
            Duration took, FuzzPhase.Result fuzz, int edgeProbes, List<String> leftovers, String notRun) {

        public boolean passed() {
            return outcome == Outcome.PASSED;
        }
    }

    private GateRun() {}

    /** Everything: scenarios, negative testing, edge probes (as the gate's options say). */
    public static synchronized Result run(Target unbounded, PrintStream progress) {
        long start = System.nanoTime();
        unbounded.bound().start(unbounded.config().runBound());
        Target target = unbounded.bounded();
        GateConfig config = target.config();
        String unreachable = reachability(config);
        if (unreachable != null) {
            return notRun(Outcome.UNREACHABLE, target, start, unreachable);
        }
        try {
            Optional<String> refused = new GateInputs(config).refused();
            if (refused.isPresent()) {
                return notRun(Outcome.INPUT_REFUSED, target, start, refused.get());
            }
        } catch (IOException e) { // it answered GET / a moment ago: gone since, which is not the caller's input
            return notRun(Outcome.UNREACHABLE, target, start, config.baseUrl() + " stopped answering: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notRun(Outcome.UNREACHABLE, target, start, "interrupted");
        }
        progress.println("Behaviour scenarios");
        TestExecutionSummary summary = scenarios(target, progress);
        FuzzPhase.Result fuzz = new FuzzPhase.Result(0, 0, Map.of());
        int edge = 0;
        // Always: the refusals sent on every run (no token, an unknown one, another account's) are the checks of
        // authentication and tenancy; --fuzz=0 turns off the generated requests only. It had turned off these
        // too, and a run with it passed an implementation that served any token over https or --edge=off.
        Fixture made = target.bound().passed() ? notBegun("the negative testing and the edge probes", target, progress)
                : fixture(target, progress);
        Fixture fixture = made != null && target.bound().passed() // the fixture's wait may have taken the rest
                ? notBegun("the negative testing and the edge probes", target, progress) : made;
        if (fixture != null) {
            progress.printf("Negative testing (seed %d, the requests sent on every run and %d generated ones, at most"
                    + " %d s)%n", config.seed(), config.fuzz(), config.fuzzBudget().toSeconds());
            fuzz = charged(target, progress, "negative testing", () -> new FuzzPhase(target,
                    new AnswerChecks(ContractValidators.asDocumented()), progress).run(fixture)).orElse(fuzz);
        }
        if (fixture != null && config.edge() && target.bound().passed()) {
            notBegun("the edge probes", target, progress);
        } else if (fixture != null && config.edge()) {
            String prefix = config.baseUrl().getRawPath();
            if (config.baseUrl().getScheme().equals("https")) {
                progress.println("Edge probes: not sent (they speak plain HTTP on a socket; point --baseUrl at http)");
            } else if (prefix != null && !prefix.isEmpty() && !prefix.equals("/")) {
                // the probes' paths are the host's own (/v1.0/...): below a prefix they would judge something else
                progress.println("Edge probes: not sent (they address the host's root, /v1.0/..., and --baseUrl has the"
                        + " path " + prefix + "; point --baseUrl at a root that serves /v1.0/ to send them)");
            } else {
                progress.println("Edge probes");
                edge = charged(target, progress, "edge probes", () -> new EdgePhase(target, progress).run(fixture)).orElse(0);
            }
        }
        if (target.bound().passed()) {
            target.conformance().violated(Conformance.NO_OPERATION, "finished_in_time", target.bound().why() + " before it"
                    + " ended: what it had not begun is reported as not run (a larger --maxSeconds lets a slower service"
                    + " finish)", null);
        }
        progress.println("Clean-up");
        // the clean-up waits for what the run made; past the run's bound, for --waitSeconds in all (not per group)
        RunBound cleanupBound = new RunBound("--waitSeconds for its clean-up");
        cleanupBound.start(target.bound().passed() ? config.waitBound() : Duration.ZERO);
        charged(target, progress, "clean-up", () -> {
            target.cleanup().deleteAll(target.api(), cleanupBound.bounding(unbounded.waiter()));
            return true;
        });
        boolean violated = target.conformance().anyViolation()
                || config.requireAll() && target.conformance().verdicts(config.selected()).containsValue(Conformance.Verdict.NOT_EXERCISED);
        return new Result(violated ? Outcome.VIOLATED : Outcome.PASSED, summary, target.conformance(), config, since(start),
                fuzz, edge, target.cleanup().leftovers(), null);
    }

    private static Result notRun(Outcome outcome, Target target, long start, String why) {
        return new Result(outcome, null, target.conformance(), target.config(), since(start),
                new FuzzPhase.Result(0, 0, Map.of()), 0, List.of(), why);
    }

    /** The scenarios alone, as the kit's suites run them. */
    public static synchronized Result scenariosOnly(Target target) {
        long start = System.nanoTime();
        TestExecutionSummary summary = scenarios(target, new PrintStream(PrintStream.nullOutputStream()));
        target.cleanup().deleteAll(target.api(), target.waiter());
        return new Result(target.conformance().anyViolation() ? Outcome.VIOLATED : Outcome.PASSED, summary,
                target.conformance(), target.config(), since(start), new FuzzPhase.Result(0, 0, Map.of()), 0,
                target.cleanup().leftovers(), null);
    }

    private static TestExecutionSummary scenarios(Target target, PrintStream progress) {
        Target.use(target);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("io.hakit.contract.scenarios"))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.registerTestExecutionListeners(summary, new Charging(target.conformance(), progress));
        launcher.execute(request);
        return summary.getSummary();
    }

    private static Fixture notBegun(String what, Target target, PrintStream progress) {
        progress.println(what + ": not run (" + target.bound().why() + ")");
        target.conformance().scenarioNotRun(what, target.bound().why());
        return null;
    }

    /** The fixture of the negative testing and the edge probes; null (and charged) when it cannot be made. */
    private static Fixture fixture(Target target, PrintStream progress) {
        progress.println("Preparing an HA instance for the negative testing and the edge probes");
        Optional<Fixture> fixture = charged(target, progress, "the negative testing's HA instance",
                () -> Fixture.create(target, GroupBodies.create(target, "fixture")));
        if (fixture.isEmpty()) {
            progress.println("  not prepared: negative testing and edge probes not run");
        }
        return fixture.orElse(null);
    }

    /**
     * What a phase gives, or empty when it ended early: a contract violation was charged where it was found; a
     * failed expectation (a wait past --waitSeconds, an answer that held the wrong thing) or an error is charged here,
     * to the operation of the last exchange, as a scenario's is. The run goes on to its clean-up and its reports: a
     * wait that ran out in the fixture had ended the gate with a stack trace, no reports and nothing cleaned up.
     */
    private static <T> Optional<T> charged(Target target, PrintStream progress, String phase, java.util.function.Supplier<T> work) {
        try {
            return Optional.ofNullable(work.get());
        } catch (ContractViolation e) {
            progress.println("  " + phase + ": " + e.getMessage());
        } catch (RunBound.Passed e) { // not run, not failed: the run's finished_in_time says why
            progress.println("  " + phase + ": not run (" + e.getMessage() + ")");
            target.conformance().scenarioNotRun(phase, e.getMessage());
        } catch (AssertionError | RuntimeException e) {
            progress.println("  " + phase + ": " + e.getMessage());
            var last = target.conformance().lastExchange();
            target.conformance().violated(last.map(Exchange::operation).orElse(Conformance.NO_OPERATION),
                    e instanceof AssertionError ? "documented_behaviour" : "scenario_error", phase + ": " + e.getMessage(),
                    last.orElse(null));
        }
        return Optional.empty();
    }

    /** Why the target cannot be reached at all (connection refused, unknown host, no answer), or null. */
    private static String reachability(GateConfig config) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout()).build();
        try {
            // bounded body and all: the JDK's timeout ends with the headers, and a target that sent its headers and
            // then stalled held the gate here for ever (no verdict, no reports)
            Deadlines.send(http, HttpRequest.newBuilder(URI.create(config.baseUrl() + "/")).timeout(config.requestTimeout())
                    .build(), HttpResponse.BodyHandlers.discarding(), config.requestTimeout());
            return null;
        } catch (IOException e) {
            return config.baseUrl() + " cannot be reached: " + withCauses(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The failure and its causes: the JDK's client says "java.net.ConnectException" with no message for a host that
     * does not resolve and for a port where nothing listens alike; the cause tells them apart.
     */
    static String withCauses(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure));
        if (failure instanceof java.net.ConnectException && failure.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
            text.append(": the host does not resolve (is the host name in --baseUrl right?)");
        }
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (!text.toString().contains(cause.toString())) {
                text.append(", caused by ").append(cause);
            }
        }
        return text.toString();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Charges a scenario's failure to the operation it concerns: a contract violation is charged where it was
     * found; any other failure (an assertion on what the answers held) to the operation of the last exchange.
     */
    private static final class Charging implements TestExecutionListener {
        private final Conformance conformance;
        private final PrintStream progress;

        Charging(Conformance conformance, PrintStream progress) {
            this.conformance = conformance;
            this.progress = progress;
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest()) {
                return;
            }
            String name = test.getLegacyReportingName();
            progress.printf("  %-6s %s%s%n", switch (result.getStatus()) {
                case SUCCESSFUL -> "ok";
                case ABORTED -> "n/a";
                case FAILED -> "FAILED";
            }, name, result.getStatus() == TestExecutionResult.Status.ABORTED
                    ? result.getThrowable().map(t -> " (" + t.getMessage() + ")").orElse("") : "");
            if (result.getStatus() != TestExecutionResult.Status.FAILED) {
                return;
            }
            Throwable failure = result.getThrowable().orElse(null);
            if (failure instanceof ContractViolation) {
                return;
            }
            var last = conformance.lastExchange();
            String operation = last.map(Exchange::operation).orElse(Conformance.NO_OPERATION);
            String check = failure instanceof AssertionError ? "documented_behaviour" : "scenario_error";
            conformance.violated(operation, check, name + ": " + (failure == null ? "failed" : failure.getMessage()),
                    last.orElse(null));
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            if (test.isTest() || test.getParentId().isPresent()) {
                progress.printf("  %-6s %s (%s)%n", "skip", test.getDisplayName(), reason);
            }
        }
    }
}
