package io.hakit.contract;

import io.hakit.contract.api.RestHaApi;
import io.hakit.openapi.HaContract;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios' client (RestHaApi) against a test's own little server on a local port, and the conformance it
 * records what it finds into: for the tests of one answer's judgement.
 */
record ScenarioClient(Conformance conformance, RestHaApi api) {

    private static final HaContract CONTRACT = HaContract.load();

    /** Against 127.0.0.1:{@code port}, account 1234, with the gate's options besides. */
    static ScenarioClient at(int port, String... options) {
        Conformance conformance = new Conformance(CONTRACT);
        GateConfig config = config("http://127.0.0.1:" + port, conformance, options);
        return new ScenarioClient(conformance, new RestHaApi(config, RestHaApi.documentValidator(), CONTRACT, conformance));
    }

    /** A fresh conformance, for a test of the reports. */
    static Conformance newConformance() {
        return new Conformance(CONTRACT);
    }

    /** The gate's inputs for a target at {@code baseUrl}, account 1234, with options besides. */
    static GateConfig config(String baseUrl, Conformance conformance, String... options) {
        List<String> args = new ArrayList<>(List.of("--baseUrl=" + baseUrl, "--accountId=1234", "--token=t0k3n-of-the-test"));
        args.addAll(List.of(options));
        return GateConfig.fromArguments(args.toArray(String[]::new), conformance.operations());
    }
}
