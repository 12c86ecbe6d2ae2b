package io.hakit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.contract.api.HaApi;
import io.hakit.openapi.HaContract;
import io.hakit.server.ReferenceServer;
import io.hakit.server.ServerConfig;
import io.hakit.server.domain.Durations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Reference servers and targets for the kit's own suites. */
public final class KitServers {

    public static final String TOKEN = "e3b2c743aebf467fb6b91cbb644c036e";
    public static final HaContract CONTRACT = HaContract.load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KitServers() {}

    /**
     * A reference server in the empty world, given through its control API what the HA API cannot create and the
     * gate needs for attach, detach, restart and convertToHa: a MariaDB configuration group and a replication setup
     * (the same two calls the README shows for a server started by hand). The configuration group has a non-dynamic
     * parameter (innodb_buffer_pool_size), so that attaching it puts a group in RESTART_REQUIRED, which only a restart
     * that really restarts clears.
     */
    public static GateServer gateServer(Durations.Profile durations) {
        ReferenceServer server = ReferenceServer.start(ServerConfig.defaults().withPort(0).withDurations(durations));
        JsonNode configuration = control(server.baseUri(), "/_emulator/accounts/1234/configurations",
                "{\"name\": \"gate-buffer-pool\", \"datastore\": {\"type\": \"mariadb\", \"version\": \"10.4\"},"
                        + " \"values\": {\"max_connections\": 200, \"innodb_buffer_pool_size\": 1073741824}}");
        JsonNode setup = control(server.baseUri(), "/_emulator/accounts/1234/replication-setups",
                "{\"name\": \"gate-repl\", \"datastore\": {\"type\": \"mariadb\", \"version\": \"10.4\"}}");
        return new GateServer(server, configuration.get("id").asText(), setup.at("/replicaIds/0").asText());
    }

    /** A reference server for the gate and the ids of what its control API added. */
    public record GateServer(ReferenceServer server, String configurationId, String replicationInstanceId) implements AutoCloseable {

        public URI baseUri() {
            return server.baseUri();
        }

        /** Adds another MariaDB configuration group with these values (a JSON object) through the control API; its id. */
        public String addConfiguration(String name, String values) {
            return control(server.baseUri(), "/_emulator/accounts/1234/configurations", "{\"name\": \"" + name
                    + "\", \"datastore\": {\"type\": \"mariadb\", \"version\": \"10.4\"}, \"values\": " + values + "}")
                    .get("id").asText();
        }

        /** The gate's inputs for this server (reached at {@code baseUrl}, maybe through a proxy), with more options. */
        public GateConfig config(URI baseUrl, String... options) {
            List<String> args = new ArrayList<>(List.of("--baseUrl=" + baseUrl, "--accountId=1234", "--token=" + TOKEN,
                    "--otherAccountId=5678", "--otherToken=5678-token-second-account", "--waitSeconds=20",
                    "--configurationId=" + configurationId, "--replicationInstanceId=" + replicationInstanceId));
            args.addAll(List.of(options));
            return GateConfig.fromArguments(args.toArray(String[]::new), CONTRACT.operations().stream()
                    .map(HaContract.NamedOperation::name).toList());
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private static JsonNode control(URI base, String path, String json) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Target target(GateConfig config, Waiter waiter, BiFunction<HaContract, Conformance, HaApi> api) {
        return target(config, waiter, Pause.sleeping(System.out), api);
    }

    /** @param pause how the run waits when an answer asks for its request again later (the API's too) */
    public static Target target(GateConfig config, Waiter waiter, Pause pause,
            BiFunction<HaContract, Conformance, HaApi> api) {
        Conformance conformance = new Conformance(CONTRACT);
        return new Target(config, api.apply(CONTRACT, conformance), waiter, conformance, CONTRACT, pause);
    }
}
