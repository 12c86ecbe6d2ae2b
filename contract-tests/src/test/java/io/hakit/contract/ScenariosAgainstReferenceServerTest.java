package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.contract.api.ClientHaApi;
import io.hakit.contract.api.RestHaApi;
import io.hakit.openapi.ContractValidators;
import io.hakit.server.domain.Durations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour scenarios against the reference server, waiting by moving its clock: over plain HTTP (every answer
 * validated strictly against the document) and through the generated Java client. All 21 operations are exercised.
 */
class ScenariosAgainstReferenceServerTest {

    /** A fresh empty world for each run, with the configuration group and replication setup the gate needs. */
    private KitServers.GateServer server;

    @BeforeEach
    void start() {
        server = KitServers.gateServer(Durations.Profile.SHORT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void overPlainHttp() {
        GateConfig config = server.config(server.baseUri());
        Target target = KitServers.target(config, new ClockWaiter(server.baseUri()),
                (contract, conformance) -> new RestHaApi(config, ContractValidators.strict(), contract, conformance));
        assertPassedEverywhere(GateRun.scenariosOnly(target));
    }

    @Test
    void throughTheGeneratedJavaClient() {
        GateConfig config = server.config(server.baseUri());
        Target target = KitServers.target(config, new ClockWaiter(server.baseUri()),
                (contract, conformance) -> new ClientHaApi(config, contract, conformance));
        assertPassedEverywhere(GateRun.scenariosOnly(target));
    }

    private static void assertPassedEverywhere(GateRun.Result result) {
        new Reports(result).print(System.out);
        assertThat(result.summary().getFailures()).as("failed scenarios")
                .allSatisfy(f -> assertThat(f.getException()).as(f.getTestIdentifier().getDisplayName()).isNull());
        assertThat(result.summary().getTestsAbortedCount()).as("every scenario ran").isZero();
        assertThat(result.conformance().violations()).isEmpty();
        assertThat(result.conformance().verdicts()).as("every operation exercised and passed")
                .allSatisfy((operation, verdict) -> assertThat(verdict).as(operation).isEqualTo(Conformance.Verdict.PASSED));
    }
}
