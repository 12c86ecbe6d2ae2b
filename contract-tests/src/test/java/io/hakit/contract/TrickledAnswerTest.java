package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.hakit.contract.api.ContractViolation;
import io.hakit.contract.api.RestHaApi;
import io.hakit.openapi.HaContract;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * An implementation that sends its headers at once and its body a byte at a time is a hang: each request the gate
 * sends is bounded by --requestTimeoutSeconds as a whole, not only until the headers (the JDK client) or between
 * two bytes (a socket timeout).
 */
class TrickledAnswerTest {

    /**
     * 60 bytes, one every 250 ms: 15 s for the whole body, a byte well within any socket timeout. A bounded request
     * gives up after its 2 s; the tests allow 10 s, for a loaded CI machine, and still fail on the unbounded 15.
     */
    private static HttpServer trickling() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 60);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 60; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(250);
                }
            } catch (InterruptedException | IOException e) {
                // the gate went away
            }
        });
        server.start();
        return server;
    }

    @Test
    void theGatesRequestsAreBoundedWithTheirBody() throws Exception {
        HttpServer server = trickling();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HaContract contract = HaContract.load();
            Conformance conformance = new Conformance(contract);
            GateConfig config = GateConfig.fromArguments(new String[] {"--baseUrl=" + base, "--accountId=1234",
                    "--token=t0k3n-of-the-test", "--requestTimeoutSeconds=2"}, conformance.operations());
            RestHaApi api = new RestHaApi(config, RestHaApi.documentValidator(), contract, conformance);

            long start = System.nanoTime();
            assertThatThrownBy(api::listGroups).isInstanceOf(ContractViolation.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the scenarios' client").isLessThan(Duration.ofSeconds(10));
            assertThat(conformance.failuresOf("listHaInstances")).extracting(Conformance.Failure::check)
                    .contains("answered_in_time");

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long again = System.nanoTime();
            assertThatThrownBy(() -> Deadlines.send(http, HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString(), Duration.ofSeconds(2)))
                    .isInstanceOf(java.net.http.HttpTimeoutException.class).hasMessageContaining("no whole answer within 2 s");
            assertThat(Duration.ofNanos(System.nanoTime() - again)).as("the negative testing's client").isLessThan(Duration.ofSeconds(10));
        } finally {
            server.stop(0);
        }
    }
}
