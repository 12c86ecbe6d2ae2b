package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.contract.Conformance.Verdict;
import io.hakit.contract.api.RestHaApi;
import io.hakit.server.ReferenceServer;
import io.hakit.server.domain.Durations;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The gate proves itself: run in gate mode (plain HTTP, documented validation, polling) against the reference
 * server behind a proxy, it passes when the proxy only forwards, and fails on each deliberately broken
 * implementation, naming the operations that broke.
 */
class GateCatchesBrokenImplementationsTest {

    @Test
    void aFaithfulProxyPasses() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {});
        assertThat(result.passed()).as("the proxy itself breaks nothing").isTrue();
    }

    @Test
    void aRenamedFieldIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                return new BrokenProxy.Answer(answer.status(), answer.body().replace("\"tenant_id\"", "\"tenantId\""));
            }
        });
        assertCaught(result, "createHaInstance", "convertToHa");
    }

    @Test
    void aDroppedRequiredFieldIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                return new BrokenProxy.Answer(answer.status(), withoutNetworks(answer.body()));
            }
        });
        assertCaught(result, "createHaInstance", "convertToHa");
    }

    @Test
    void okInsteadOfAcceptedIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                boolean action = method.equals("POST") && path.endsWith("/action") && answer.status() == 202;
                return action ? new BrokenProxy.Answer(200, answer.body()) : answer;
            }
        });
        assertCaught(result, "addReplica", "restartHaInstance", "resizeVolume");
    }

    @Test
    void skippedAuthenticationIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public void request(com.sun.net.httpserver.HttpExchange exchange, java.net.http.HttpRequest.Builder forwarded) {
                String token = exchange.getRequestHeaders().getFirst("X-Auth-Token");
                if (token == null || !token.equals(KitServers.TOKEN) && !token.startsWith("5678")) {
                    forwarded.setHeader("X-Auth-Token", KitServers.TOKEN); // anyone gets in
                }
            }
        });
        assertCaught(result, "listHaInstances");
    }

    /** The group's required "networks", dropped from every answer that has one. */
    private static String withoutNetworks(String body) {
        try {
            com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            if (json != null && json.path("ha_instance").isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("ha_instance")).remove("networks");
                return json.toString();
            }
        } catch (java.io.IOException notJson) {
            // not JSON: left as it is
        }
        return body;
    }

    private static GateRun.Result gateThrough(BrokenProxy.Breakage breakage) {
        try (ReferenceServer server = KitServers.gateWorld(Durations.Profile.IMMEDIATE);
                BrokenProxy proxy = BrokenProxy.in(server.baseUri(), breakage)) {
            GateConfig config = KitServers.config(proxy.uri());
            Target target = KitServers.target(config, new PollingWaiter(Duration.ofSeconds(10)),
                    (contract, conformance) -> new RestHaApi(config, RestHaApi.documentValidator(), contract, conformance));
            GateRun.Result result = GateRun.run(target, Optional.empty());
            result.conformance().print(System.out);
            return result;
        }
    }

    private static void assertCaught(GateRun.Result result, String... brokenOperations) {
        assertThat(result.passed()).as("the gate fails").isFalse();
        for (String operation : brokenOperations) {
            assertThat(result.conformance().verdict(operation)).as(operation).isEqualTo(Verdict.FAILED);
        }
    }
}
