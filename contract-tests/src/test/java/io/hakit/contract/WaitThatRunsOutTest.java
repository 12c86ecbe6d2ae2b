package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.contract.api.RestHaApi;
import io.hakit.server.domain.Durations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A service slower than --waitSeconds (here: the wait for the negative testing's own group runs out, as it does
 * against a real service with the default bound) is a verdict with its reports and its clean-up, not a crash: that
 * wait's AssertionError had left the run with a stack trace, exit 1, no reports and the group not deleted.
 */
class WaitThatRunsOutTest {

    @Test
    void aWaitThatRunsOutInTheFixtureIsChargedAndTheRunEndsWithItsCleanUp() throws Exception {
        try (KitServers.GateServer server = KitServers.gateServer(Durations.Profile.IMMEDIATE)) {
            GateConfig config = server.config(server.baseUri(), "--fuzz=0", "--edge=off", "--only=createHaInstance");
            Target target = KitServers.target(config, new RunsOutFor("the negative testing's", new ClockWaiter(server.baseUri())),
                    (contract, conformance) -> new RestHaApi(config, RestHaApi.documentValidator(), contract, conformance));

            GateRun.Result result = GateRun.run(target, System.out);

            assertThat(result.outcome()).isEqualTo(GateRun.Outcome.VIOLATED);
            assertThat(result.conformance().failuresOf("createHaInstance")).extracting(Conformance.Failure::message)
                    .anyMatch(message -> message.contains("the negative testing's HA instance")
                            && message.contains("ran out"));
            assertThat(result.leftovers()).isEmpty();
            assertThat(groupsOf(server.baseUri())).as("the fixture's group was deleted").contains("\"ha_instances\":[]");
        }
    }

    private static String groupsOf(URI server) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.resolve("/v1.0/1234/ha"))
                .header("X-Auth-Token", KitServers.TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Runs out at once for the waits whose description holds {@code marked}; waits as {@code others} do otherwise. */
    private record RunsOutFor(String marked, Waiter others) implements Waiter {
        @Override
        public void until(String what, BooleanSupplier condition) {
            if (what.contains(marked)) {
                throw new AssertionError("the wait for " + what + " ran out");
            }
            others.until(what, condition);
        }
    }
}
