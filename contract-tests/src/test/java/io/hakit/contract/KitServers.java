package io.hakit.contract;

import io.hakit.contract.api.HaApi;
import io.hakit.openapi.HaContract;
import io.hakit.server.ReferenceServer;
import io.hakit.server.ServerConfig;
import io.hakit.server.domain.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Reference servers and targets for the kit's own suites. */
public final class KitServers {

    public static final String TOKEN = "e3b2c743aebf467fb6b91cbb644c036e";
    static final String REPLICATION_INSTANCE = "9a8b7c6d-1111-4a2b-8c3d-000000000002";
    public static final HaContract CONTRACT = HaContract.load();

    private KitServers() {}

    /** A server holding worlds/gate.json: a MariaDB configuration group and a replication setup to convert. */
    public static ReferenceServer gateWorld(Durations.Profile durations) {
        return ReferenceServer.start(ServerConfig.defaults().withPort(0).withDurations(durations).withWorld(resource("/worlds/gate.json")));
    }

    /** The gate's inputs for the kit's reference server (gate world), with more options if given. */
    public static GateConfig config(URI baseUrl, String... options) {
        List<String> args = new ArrayList<>(List.of("--baseUrl=" + baseUrl, "--accountId=1234", "--token=" + TOKEN,
                "--otherAccountId=5678", "--otherToken=5678-token-second-account", "--waitSeconds=20",
                "--replicationInstanceId=" + REPLICATION_INSTANCE));
        args.addAll(List.of(options));
        return GateConfig.fromArguments(args.toArray(String[]::new), CONTRACT.operations().stream()
                .map(HaContract.NamedOperation::name).toList());
    }

    public static Target target(GateConfig config, Waiter waiter, BiFunction<HaContract, Conformance, HaApi> api) {
        Conformance conformance = new Conformance(CONTRACT);
        return new Target(config, api.apply(CONTRACT, conformance), waiter, conformance, CONTRACT);
    }

    private static Path resource(String name) {
        try {
            return Path.of(KitServers.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
