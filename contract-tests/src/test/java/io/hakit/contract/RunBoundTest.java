package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.contract.api.RestHaApi;
import io.hakit.server.domain.Durations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * --maxSeconds bounds the run: a service that never ends a transition made every scenario wait --waitSeconds in
 * turn (some 19 hours at the 1,800 s a real service needs) with no verdict meanwhile. Here every group stays in BUILD
 * for an hour of the reference server's time, each wait moves its clock two minutes and fails, and the run may take
 * 3 s of the wall clock (the scenarios alone take longer): it stops beginning scenarios and phases, reports them as
 * not run and fails finished_in_time.
 */
class RunBoundTest {

    @Test
    void aRunPastItsBoundBeginsNothingMoreAndFails() throws Exception {
        try (KitServers.GateServer server = KitServers.gateServer(Durations.Profile.IMMEDIATE)) {
            control(server.baseUri(), "PUT", "/_emulator/durations", "{\"seconds\": {\"build\": 3600}}");
            GateConfig config = server.config(server.baseUri(), "--fuzz=0", "--edge=off", "--maxSeconds=3");
            Target target = KitServers.target(config, new ClockWaiter(server.baseUri()),
                    (contract, conformance) -> new RestHaApi(config, RestHaApi.documentValidator(), contract, conformance));

            GateRun.Result result = GateRun.run(target, System.out);

            assertThat(result.outcome()).isEqualTo(GateRun.Outcome.VIOLATED);
            assertThat(result.conformance().failuresOf(Conformance.NO_OPERATION)).extracting(Conformance.Failure::check)
                    .contains("finished_in_time");
            assertThat(result.conformance().scenariosNotRun()).as("what was not begun")
                    .containsKey("the negative testing and the edge probes").hasSizeGreaterThan(1)
                    .allSatisfy((scenario, why) -> assertThat(why).contains("--maxSeconds (3 s)"));
            for (String operation : result.conformance().operations()) { // a wait it cut short is not run, not failed
                assertThat(result.conformance().failuresOf(operation)).extracting(Conformance.Failure::message)
                        .noneMatch(message -> message.contains("--maxSeconds"));
            }
        }
    }

    private static void control(URI server, String method, String path, String json) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
    }
}
