package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.contract.Conformance.Verdict;
import io.hakit.contract.api.RestHaApi;
import io.hakit.server.domain.Durations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * An implementation that enforces rate limits, as the service does (413 with Retry-After), is judged on what it does
 * once the wait it asks for is over: the gate waits as asked and sends the request again, within
 * --retryAfterSeconds for each request. Here the limits are the reference server's, counted on its clock, and the
 * gate's waits move that clock: nothing sleeps.
 */
class RateLimitedTargetTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void anImplementationThatLimitsItsAclAddsPassesWhenTheGateWaitsAsAsked() {
        Run run = gate(2, MovesTheClock::new);
        assertThat(run.result().outcome()).as(run.printed()).isEqualTo(GateRun.Outcome.PASSED);
        List<Conformance.Wait> all = run.result().conformance().waits();
        List<Conformance.Wait> waits = all.stream().filter(Conformance.Wait::waited).toList();
        assertThat(waits).as("the limit was reached").isNotEmpty().allSatisfy(wait -> {
            assertThat(wait.operation()).isEqualTo("addHaAcl");
            assertThat(wait.exchange().status()).isEqualTo(413);
        });
        // the negative testing does not wait past its own --fuzzSeconds (60 s): a minute's wait there is not waited
        assertThat(all.stream().filter(wait -> !wait.waited())).allSatisfy(wait ->
                assertThat(wait.notWaitedBecause()).contains("--fuzzSeconds"));
        assertThat(run.paused()).isEqualTo(waits.stream().map(Conformance.Wait::asked).reduce(Duration.ZERO, Duration::plus));
        assertThat(run.printed()).contains("WAITED: " + waits.size() + " answers asked for their request again later");
    }

    /** What made the run above pass is the waiting: the same implementation, not waited for, fails. */
    @Test
    void theSameImplementationNotWaitedForFails() {
        Run run = gate(2, MovesTheClock::new, "--retryAfterSeconds=0");
        assertThat(run.result().outcome()).isEqualTo(GateRun.Outcome.VIOLATED);
        assertThat(run.result().conformance().verdict("addHaAcl")).isEqualTo(Verdict.FAILED);
        assertThat(run.paused()).isZero();
        assertThat(run.result().conformance().waits()).isNotEmpty().noneMatch(Conformance.Wait::waited);
        assertThat(run.printed()).contains("NOT WAITED FOR: POST ").contains("past the 0 s the run may wait");
    }

    /**
     * An implementation that asks again after every wait (here: its clock is frozen, so each answer asks for the
     * same minute) is judged on its answers once the run's bound would be passed: it cannot stretch the run by a wait
     * per request.
     */
    @Test
    void anImplementationThatKeepsAskingIsJudgedOnceTheRunsBoundIsSpent() {
        Run run = gate(1, Counts::new, true, "--retryAfterSeconds=150");
        assertThat(run.result().outcome()).isEqualTo(GateRun.Outcome.VIOLATED);
        assertThat(run.result().conformance().verdict("addHaAcl")).isEqualTo(Verdict.FAILED);
        List<Conformance.Wait> waits = run.result().conformance().waits();
        assertThat(waits.stream().filter(Conformance.Wait::waited)).as("two waits of the limit's minute").hasSize(2)
                .allSatisfy(wait -> assertThat(wait.asked()).isEqualTo(Duration.ofMinutes(1)));
        assertThat(waits).anyMatch(wait -> !wait.waited());
        assertThat(run.paused()).isEqualTo(Duration.ofMinutes(2));
        assertThat(run.result().conformance().waitedInAll()).isBetween(Duration.ofMinutes(2), Duration.ofSeconds(150));
    }

    /**
     * A service unavailable for a moment (503 with Retry-After) is waited for as a rate limit is: the request is
     * judged on its next answer, and the 503 it waited for is no server error of the implementation's.
     */
    @Test
    void aServiceUnavailableForAMomentIsWaitedFor() {
        Run run = gateThrough(new UnavailableForTwoAclAdds());
        assertThat(run.result().outcome()).as(run.printed()).isEqualTo(GateRun.Outcome.PASSED);
        assertThat(run.result().conformance().waits()).hasSize(2).allSatisfy(wait -> {
            assertThat(wait.waited()).isTrue();
            assertThat(wait.exchange().status()).isEqualTo(503);
        });
        assertThat(run.paused()).isEqualTo(Duration.ofSeconds(10));

        Run notWaited = gateThrough(new UnavailableForTwoAclAdds(), "--retryAfterSeconds=0");
        assertThat(notWaited.result().outcome()).isEqualTo(GateRun.Outcome.VIOLATED);
        assertThat(notWaited.result().conformance().failuresOf("addHaAcl")).extracting(Conformance.Failure::check)
                .contains("not_a_server_error");
    }

    /**
     * The negative testing waits as the scenarios do: two of its requests with an unknown token answered 503 with
     * Retry-After, and the run passes once it has waited for them. It judged such a 503 as it came, a server error
     * (and a request without a valid token not refused 401): an implementation behind a proxy that sheds load failed.
     */
    @Test
    void theNegativeTestingWaitsForAServiceUnavailableForAMoment() {
        Run run = gateThrough(new UnavailableForTwoUnknownTokens(), "--seed=" + SEED);
        assertThat(run.result().outcome()).as(run.printed()).isEqualTo(GateRun.Outcome.PASSED);
        assertThat(run.result().conformance().waits()).hasSize(2).allSatisfy(wait -> {
            assertThat(wait.waited()).isTrue();
            assertThat(wait.exchange().status()).isEqualTo(503);
            assertThat(wait.exchange().requestHeaders().get("X-Auth-Token")).startsWith("not-a-token-")
                    .isNotEqualTo("not-a-token-" + SEED); // the negative testing's request, not the scenario's
        });
        assertThat(run.paused()).isEqualTo(Duration.ofSeconds(6));

        Run notWaited = gateThrough(new UnavailableForTwoUnknownTokens(), "--seed=" + SEED, "--retryAfterSeconds=0");
        assertThat(notWaited.result().outcome()).isEqualTo(GateRun.Outcome.VIOLATED);
        assertThat(notWaited.result().conformance().waits()).hasSize(2).noneMatch(Conformance.Wait::waited);
        assertThat(notWaited.result().conformance().failuresOf("listHaInstances")).extracting(Conformance.Failure::check)
                .contains("not_a_server_error");
    }

    /**
     * A rate limit's 413 with Retry-After to a request without a valid token, not waited for (the run's bound is
     * spent), refuses it as a 401 would: it serves nothing, and a limit may be counted before the token is looked at.
     * It failed ignored_auth, where the README calls it a documented refusal whatever was sent.
     */
    @Test
    void aRateLimitNotWaitedForIsARefusalOfARequestWithoutAValidToken() {
        Run run = gateThrough(UnavailableForTwoUnknownTokens.overLimit(), "--seed=" + SEED, "--retryAfterSeconds=0");
        assertThat(run.result().conformance().waits()).hasSize(2).noneMatch(Conformance.Wait::waited)
                .allSatisfy(wait -> assertThat(wait.exchange().status()).isEqualTo(413));
        for (String operation : run.result().conformance().operations()) {
            assertThat(run.result().conformance().failuresOf(operation)).as(run.printed())
                    .extracting(Conformance.Failure::check).doesNotContain("ignored_auth");
        }
        assertThat(run.result().outcome()).as(run.printed()).isEqualTo(GateRun.Outcome.PASSED);
    }

    /** The seed of the runs above: the authentication scenario's unknown token is "not-a-token-" and the seed. */
    private static final long SEED = 424242424242L;

    /**
     * The first two requests with the negative testing's unknown tokens ("not-a-token-" and the request's number; not
     * the scenario's) answered 503 with Retry-After: 3 (or, {@link #overLimit}, 413 overLimit with Retry-After: 60).
     */
    private static final class UnavailableForTwoUnknownTokens extends UnavailableForTwo {
        UnavailableForTwoUnknownTokens() {
            super("3");
        }

        private UnavailableForTwoUnknownTokens(String seconds, BrokenProxy.Answer refusal) {
            super(seconds, refusal);
        }

        /** A rate limit's refusal instead of the 503. */
        static UnavailableForTwoUnknownTokens overLimit() {
            return new UnavailableForTwoUnknownTokens("60", new BrokenProxy.Answer(413, "{\"overLimit\": {\"code\": 413,"
                    + " \"message\": \"Too many requests.\", \"retryAfter\": \"60\"}}"));
        }

        @Override
        boolean picks(com.sun.net.httpserver.HttpExchange exchange) {
            String token = exchange.getRequestHeaders().getFirst("X-Auth-Token");
            return token != null && token.startsWith("not-a-token-") && !token.equals("not-a-token-" + SEED);
        }
    }

    /** The first two ACL adds answered 503 with Retry-After: 5. */
    private static final class UnavailableForTwoAclAdds extends UnavailableForTwo {
        UnavailableForTwoAclAdds() {
            super("5");
        }

        @Override
        boolean picks(com.sun.net.httpserver.HttpExchange exchange) {
            return exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getRawPath().endsWith("/acls");
        }
    }

    /**
     * The first two requests it {@link #picks} answered 503 (or {@code refusal}) with Retry-After: {@code seconds},
     * and not acted on (sent on as a read).
     */
    private abstract static class UnavailableForTwo implements BrokenProxy.Breakage {
        private final java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(2);
        private final ThreadLocal<Boolean> unavailable = ThreadLocal.withInitial(() -> false);
        private final String seconds;
        private final BrokenProxy.Answer refusal;

        UnavailableForTwo(String seconds) {
            this(seconds, new BrokenProxy.Answer(503, "{\"serviceUnavailable\": {\"code\": 503, \"message\": "
                    + "\"The service is temporarily unavailable; try again later.\"}}"));
        }

        UnavailableForTwo(String seconds, BrokenProxy.Answer refusal) {
            this.seconds = seconds;
            this.refusal = refusal;
        }

        abstract boolean picks(com.sun.net.httpserver.HttpExchange exchange);

        @Override
        public void request(com.sun.net.httpserver.HttpExchange exchange, String body, HttpRequest.Builder forwarded) {
            unavailable.set(picks(exchange) && left.getAndDecrement() > 0);
            if (unavailable.get()) {
                forwarded.method("GET", HttpRequest.BodyPublishers.noBody());
            }
        }

        @Override
        public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
            return unavailable.get() ? refusal : answer;
        }

        @Override
        public String retryAfter(String method, String path, String given) {
            return unavailable.get() ? seconds : given;
        }
    }

    private static Run gateThrough(BrokenProxy.Breakage breakage, String... options) {
        try (KitServers.GateServer server = KitServers.gateServer(Durations.Profile.IMMEDIATE);
                BrokenProxy proxy = BrokenProxy.in(server.baseUri(), breakage)) {
            List<String> all = new ArrayList<>(List.of("--fuzz=0", "--edge=off"));
            all.addAll(List.of(options));
            GateConfig config = server.config(proxy.uri(), all.toArray(String[]::new));
            return run(config, new Counts(server.baseUri()));
        }
    }

    private static Run run(GateConfig config, Counts pause) {
        Target target = KitServers.target(config, new PollingWaiter(Duration.ofSeconds(10)), pause, (contract, conformance) ->
                new RestHaApi(config, RestHaApi.documentValidator(), contract, conformance, pause));
        GateRun.Result result = GateRun.run(target, System.out);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new Reports(result).print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.out.print(printed.toString(StandardCharsets.UTF_8));
        return new Run(result, pause.total, printed.toString(StandardCharsets.UTF_8));
    }

    private record Run(GateRun.Result result, Duration paused, String printed) {}

    /** A pause that adds up the waits it was asked for. */
    private static class Counts implements Pause {
        private Duration total = Duration.ZERO;

        Counts(URI server) {}

        @Override
        public void pause(Duration wait, String why) {
            total = total.plus(wait);
        }
    }

    /** A pause that moves the reference server's clock by the wait (its rate limits count on that clock). */
    private static final class MovesTheClock extends Counts {
        private final URI advance;

        MovesTheClock(URI server) {
            super(server);
            this.advance = server.resolve("/_emulator/clock/advance");
        }

        @Override
        public void pause(Duration wait, String why) {
            super.pause(wait, why);
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(advance).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\": " + wait.toSeconds() + "}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The gate (scenarios and the refusals sent on every run) against a server that allows {@code aclAddsPerMinute}. */
    private static Run gate(int aclAddsPerMinute, Function<URI, Counts> pauseFor, String... options) {
        return gate(aclAddsPerMinute, pauseFor, false, options);
    }

    /** As above; {@code frozen}: the server's clock does not move (nor do its rate limits' windows). */
    private static Run gate(int aclAddsPerMinute, Function<URI, Counts> pauseFor, boolean frozen, String... options) {
        try (KitServers.GateServer server = KitServers.gateServer(Durations.Profile.IMMEDIATE)) {
            if (frozen) {
                HttpResponse<String> clock = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/_emulator/clock"))
                        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"frozen\": true}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(clock.statusCode()).as(clock.body()).isEqualTo(200);
            }
            HttpResponse<String> limits = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/_emulator/accounts/1234/limits"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"rates\": [{\"method\": \"POST\", \"pathPattern\": \"/ha/*/acls\", \"perMinute\": "
                                    + aclAddsPerMinute + "}]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(limits.statusCode()).as(limits.body()).isEqualTo(200);
            List<String> all = new ArrayList<>(List.of("--fuzz=0", "--edge=off"));
            all.addAll(List.of(options));
            GateConfig config = server.config(server.baseUri(), all.toArray(String[]::new));
            return run(config, pauseFor.apply(server.baseUri()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
