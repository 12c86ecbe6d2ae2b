package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.contract.api.RestHaApi;
import io.hakit.contract.fuzz.FuzzPhase;
import io.hakit.openapi.ContractValidators;
import io.hakit.server.domain.Durations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * --fuzzSeconds bounds the whole negative-testing phase, not only the generated requests: against a slow
 * implementation (every answer 150 ms late) the requests sent on every run (two without a valid token per secured
 * operation, the broken and mistyped bodies per named operation) and the read-backs of state_unchanged, which take
 * far longer than the budget, stop when it is spent, and what was not sent is counted and said; an operation whose
 * refusals were not all sent is not exercised (not passed: --require-all fails it).
 */
class FuzzBudgetTest {

    private static final Duration BUDGET = Duration.ofSeconds(2);
    private static final Duration LATE = Duration.ofMillis(150);

    @Test
    void theBudgetCoversTheRequestsSentOnEveryRunAndTheReadBacks() throws Exception {
        AtomicBoolean slow = new AtomicBoolean();
        try (KitServers.GateServer server = KitServers.gateServer(Durations.Profile.IMMEDIATE);
                BrokenProxy proxy = BrokenProxy.in(server.baseUri(), new BrokenProxy.Breakage() {
                    @Override
                    public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                        if (slow.get()) {
                            sleep(LATE);
                        }
                        return answer;
                    }
                })) {
            GateConfig config = server.config(proxy.uri(), "--fuzz=50", "--seed=5", "--fuzzSeconds=" + BUDGET.toSeconds(),
                    "--requestTimeoutSeconds=5", "--edge=off");
            Target target = KitServers.target(config, new PollingWaiter(Duration.ofSeconds(10)),
                    (contract, conformance) -> new RestHaApi(config, RestHaApi.documentValidator(), contract, conformance));
            Fixture fixture = Fixture.create(target, GroupBodies.create(target, "fixture"));
            slow.set(true);
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            long start = System.nanoTime();
            FuzzPhase.Result result = new FuzzPhase(target, new AnswerChecks(ContractValidators.asDocumented()),
                    new PrintStream(said, true, StandardCharsets.UTF_8)).run(fixture);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            slow.set(false);
            target.cleanup().deleteAll(target.api(), target.waiter());
            // the budget, the request under way with its reads before and after (5 requests, each late), and slack for
            // a loaded CI machine: unbounded, the phase took 44 s
            assertThat(took).as("the phase took %s for a budget of %s", took, BUDGET)
                    .isLessThan(BUDGET.plus(LATE.multipliedBy(5)).plusSeconds(4));
            assertThat(result.alwaysNotSent()).as("requests sent on every run, not sent").isPositive();
            assertThat(result.generatedNotSent()).isEqualTo(50 - result.generated());
            assertThat(said.toString(StandardCharsets.UTF_8)).contains("--fuzzSeconds").contains("were not sent");
            // what was not sent is not passed: an operation whose refusals were cut off is not exercised
            java.util.Map<String, Conformance.Verdict> verdicts = target.conformance().verdicts();
            assertThat(verdicts).containsValue(Conformance.Verdict.NOT_EXERCISED);
            verdicts.forEach((operation, verdict) -> {
                if (verdict == Conformance.Verdict.NOT_EXERCISED) {
                    assertThat(target.conformance().whyBehaviourNotShown(operation)).as(operation).get().asString()
                            .contains("were not all sent within --fuzzSeconds=" + BUDGET.toSeconds());
                }
            });
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
