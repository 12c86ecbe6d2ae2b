package io.hakit.contract.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.contract.LocalProcesses;
import io.hakit.contract.ReadmeServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A client's malformed request is the client's error: answered with its Fault, never a line in the server's log.
 * Jetty logged a WARN, with the header's value, for every request with a malformed Host, so that any client could
 * fill a CI job's log at will. The README's command, sent the edge catalogue's header, framing, method and version
 * probes and a set of malformed Hosts, prints its banner and nothing else.
 */
class QuietLogTest {

    @Test
    void malformedRequestsLeaveNothingInTheLog() throws Exception {
        int port = LocalProcesses.freePort();
        Path out = Files.createTempFile("hakit-quiet", ".out");
        Path err = Files.createTempFile("hakit-quiet", ".err");
        Process server = ReadmeServer.command(port).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int sent = 0;
        try {
            awaitRoot(server, port, err);
            String host = "127.0.0.1:" + port;
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            List<EdgeProbe> probes = new ArrayList<>();
            EdgeProbes catalogue = new EdgeProbes(host, ReferenceEdge.TOKEN, ReferenceEdge.OTHER_TOKEN,
                    ProbeRoute.documented(ReferenceEdge.CONTRACT));
            Stream.of(catalogue.headers(), catalogue.framing(), catalogue.methods(), catalogue.versions()).forEach(probes::addAll);
            // Sixteen at a time: the framing probes that stall wait out the server's read timeout.
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
            try {
                for (java.util.concurrent.Future<RawAnswer> answer : pool.invokeAll(probes.stream()
                        .map(probe -> (java.util.concurrent.Callable<RawAnswer>) () -> RawHttp.exchange(address,
                                probe.request(), probe.delivery(), Duration.ofSeconds(15))).toList())) {
                    answer.get();
                    sent++;
                }
            } finally {
                pool.shutdownNow();
            }
            for (String badHost : List.of("a b", "[::1", "x:99999", "x:abc", "x:", ":80", "a@b", "\u00ff\u00fe")) {
                RawAnswer answer = RawHttp.exchange(address, ("GET / HTTP/1.1\r\nHost: " + badHost
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), RawHttp.Delivery.WHOLE,
                        Duration.ofSeconds(5));
                assertThat(answer.status()).as("Host: %s", badHost).isEqualTo(400);
                sent++;
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
        String log = Files.readString(err);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        assertThat(sent).as("requests sent").isGreaterThan(100);
        assertThat(log).as("stderr after %d malformed requests", sent).isEmpty();
    }

    /** Polls GET / with back-off and a bound, as a CI job would. */
    private static void awaitRoot(Process server, int port, Path err) throws Exception {
        {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            byte[] get = ("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            long wait = 2;
            while (true) {
                assertThat(server.isAlive()).as("the server exited: %s", Files.readString(err)).isTrue();
                assertThat(System.nanoTime()).as("ready within 60 s").isLessThan(deadline);
                RawAnswer answer = RawHttp.exchange(new InetSocketAddress("127.0.0.1", port), get,
                        RawHttp.Delivery.WHOLE, Duration.ofSeconds(5));
                if (answer.outcome() == RawAnswer.Outcome.ANSWERED && answer.status() == 200) {
                    return;
                }
                Thread.sleep(wait); // polled with back-off and a bound
                wait = Math.min(wait * 2, 100);
            }
        }
    }
}
