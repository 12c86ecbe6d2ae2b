package io.hakit.contract.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hakit.openapi.HaContract;
import io.hakit.server.ReferenceServer;
import io.hakit.server.ServerConfig;
import io.hakit.server.store.WorldFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reference server as the edge suites probe it: the documented world with the clock frozen (so that a read
 * changes nothing), the world read in-process before and after each probe, and put back after a probe that may
 * change it.
 */
final class ReferenceEdge {

    static final String TOKEN = "e3b2c743aebf467fb6b91cbb644c036e";
    static final String OTHER_TOKEN = "5678-token-second-account";
    static final HaContract CONTRACT = HaContract.load();

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /** One server for the edge suites of a run, as the kit's other suites share theirs. */
    private static final ReferenceEdge SHARED = new ReferenceEdge();

    final ReferenceServer server = ReferenceServer.start(ServerConfig.defaults().withPort(0));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ReferenceEdge() {
        restore();
    }

    /** The shared server, in the documented world with its clock frozen. */
    static ReferenceEdge shared() {
        SHARED.restore();
        return SHARED;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(server.baseUri().getHost(), server.port());
    }

    String host() {
        return server.baseUri().getHost() + ":" + server.port();
    }

    /** Every HA operation, and some of the control API's. */
    List<ProbeRoute> routes() {
        List<ProbeRoute> routes = new ArrayList<>(ProbeRoute.documented(CONTRACT));
        routes.add(control("readClock", "GET", "/_emulator/clock", null));
        routes.add(control("advanceClock", "POST", "/_emulator/clock/advance", "{\"seconds\":0}"));
        routes.add(control("readLimits", "GET", "/_emulator/accounts/1234/limits", null));
        routes.add(control("readJournal", "GET", "/_emulator/journal", null));
        return routes;
    }

    private static ProbeRoute control(String id, String method, String path, String body) {
        return new ProbeRoute(id, method, path, Optional.ofNullable(body), false, false, true, Set.of(method));
    }

    EdgeProbes catalogue() {
        return new EdgeProbes(host(), TOKEN, OTHER_TOKEN, routes());
    }

    EdgeProbeRunner runner(EdgeJudge.Mode mode) {
        return new EdgeProbeRunner(address(), catalogue(), new EdgeJudge(mode, CONTRACT.faultNames()),
                Duration.ofSeconds(5), Duration.ofSeconds(20), StateReads.same(this::fingerprint), this::restore);
    }

    /** The whole world, as the control API would dump it. */
    String fingerprint() {
        return server.world().lockedAsLeft(() -> {
            try {
                return JSON.writeValueAsString(WorldFiles.dump(server.world(), Optional.empty()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The documented world again, its clock frozen. */
    void restore() {
        send("POST", "/_emulator/reset", "{\"scenario\":\"documented\"}");
        send("PUT", "/_emulator/clock", "{\"frozen\":true}");
    }

    /** Whether GET / answers 200 within the bound: the server is still serving. */
    boolean healthy(Duration bound) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/")).timeout(bound)
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void send(String method, String path, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
