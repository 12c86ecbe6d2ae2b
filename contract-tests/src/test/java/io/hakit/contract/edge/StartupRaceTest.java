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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The README's server command, started again and again on a loaded machine, polled from its first millisecond as a
 * CI job polls it: every connection the server accepts gets its answer (none waits for a timeout), the first 200
 * comes as soon as the server is ready, and the server prints one banner line and no warning.
 */
class StartupRaceTest {

    private static final Path JAR = ReadmeServer.JAR;
    private static final int STARTS = 4;
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    @Test
    void aClientPollingFromTheFirstMillisecondIsAnsweredOnceTheServerIsReady() throws Exception {
        assertThat(JAR).as("the server jar (mvn package builds it before this module's tests)").isRegularFile();
        AtomicBoolean loaded = new AtomicBoolean(true);
        List<Thread> load = busyThreads(1, loaded); // one core kept busy: a CI machine running other jobs
        List<Long> readyMillis = new ArrayList<>();
        try {
            for (int i = 0; i < STARTS; i++) {
                readyMillis.add(startAndPoll(i));
            }
        } finally {
            loaded.set(false);
            for (Thread thread : load) {
                thread.join();
            }
        }
        System.out.printf("START-UP under load: %d starts, ready after %s ms%n", STARTS, readyMillis);
    }

    /** One start: polls until GET / answers 200; fails on a connection that is accepted but never answered. */
    private long startAndPoll(int run) throws Exception {
        int port = LocalProcesses.freePort();
        Path out = Files.createTempFile("hakit-start-" + run, ".out");
        Path err = Files.createTempFile("hakit-start-" + run, ".err");
        long begin = System.nanoTime();
        // The README's command with its JVM options: one that this machine cannot honour would print a warning.
        Process server = ReadmeServer.command(port).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            byte[] get = ("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            while (true) {
                assertThat(System.nanoTime() - begin).as("start %d ready within %s", run, READY_WITHIN)
                        .isLessThan(READY_WITHIN.toNanos());
                assertThat(server.isAlive()).as("start %d: the server exited: %s", run, Files.readString(err)).isTrue();
                RawAnswer answer = RawHttp.exchange(address, get, RawHttp.Delivery.WHOLE, ANSWER_WITHIN);
                if (answer.outcome() == RawAnswer.Outcome.UNREACHABLE) {
                    Thread.sleep(2); // not listening yet
                    continue;
                }
                assertThat(answer.outcome()).as("start %d: a connection the server accepted: %s", run, answer.summary())
                        .isEqualTo(RawAnswer.Outcome.ANSWERED);
                assertThat(answer.status()).as("start %d: %s", run, answer.summary()).isEqualTo(200);
                long ready = (System.nanoTime() - begin) / 1_000_000;
                assertCleanStart(run, port, out, err);
                return ready;
            }
        } finally {
            server.destroy();
            server.waitFor();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** One banner line with the URL, the docs and the tokens; nothing on stderr (no framework warnings). */
    private static void assertCleanStart(int run, int port, Path out, Path err) throws Exception {
        List<String> lines = waitForBanner(out);
        assertThat(lines).as("start %d: stdout", run).hasSize(1);
        assertThat(lines.get(0)).contains("http://127.0.0.1:" + port).contains("/docs").contains("token");
        assertThat(Files.readString(err)).as("start %d: stderr", run).isEmpty();
    }

    private static List<String> waitForBanner(Path out) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> lines = Files.readAllLines(out);
        while (lines.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10); // the banner is printed right after the server starts listening
            lines = Files.readAllLines(out);
        }
        return lines;
    }

    private static List<Thread> busyThreads(int count, AtomicBoolean running) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                long x = 0;
                while (running.get()) {
                    x += System.nanoTime() % 7;
                }
                if (x == 42) {
                    System.out.print("");
                }
            }, "load-" + i);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }
}
