package io.hakit.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.openapi.generate.DocumentedValues;
import io.hakit.openapi.generate.GeneratedRequest;
import io.hakit.openapi.generate.RequestGenerator;
import io.hakit.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Schema-driven negative testing against the reference server: 10,000 requests a run from the kit's one request
 * generator (the gate draws from the same), valid ones and ones invalid in exactly one way, in the documented
 * world. Every answer is judged by {@link Probe} (no 5xx, an answer the document describes, the Fault of its code,
 * a world a refusal left alone), and an invalid request must be refused (4xx). The seed is printed; set
 * {@code -Dfuzz.seed=N} to repeat a run.
 */
class SchemaDrivenFuzzTest {

    static final int REQUESTS = 10_000;
    private static final Probe PROBE = new Probe(TestServer.server());

    @AfterAll
    static void documentedWorldAgain() {
        TestServer.resetDocumented();
    }

    @Test
    void generatedRequestsGetDocumentedAnswersAndInvalidOnesAreRefused() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("SchemaDrivenFuzzTest seed " + seed + " (repeat with -Dfuzz.seed=" + seed + ")");
        RequestGenerator generator = new RequestGenerator(TestServer.CONTRACT, seed, DocumentedValues.of(TestServer.CONTRACT));
        freshWorld();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            GeneratedRequest request = generator.next();
            try {
                Probe.Outcome outcome = PROBE.send(toProbe(request));
                statuses.merge(outcome.status(), 1, Integer::sum);
                if (!request.valid() && (outcome.status() < 400 || outcome.status() >= 500)) {
                    failures.add("#" + request.number() + " invalid (" + request.constraint().orElseThrow() + ") yet "
                            + outcome.status() + ": " + request.method() + " " + request.path() + " " + request.body().orElse(""));
                }
                if (outcome.changedTheWorld()) {
                    freshWorld();
                }
            } catch (AssertionError e) {
                failures.add("#" + request.number() + " " + e.getMessage());
                freshWorld();
            }
        }
        System.out.printf("SchemaDrivenFuzzTest: %d requests, statuses %s%n", REQUESTS, statuses);
        assertThat(failures).as("seed %d", seed).isEmpty();
        assertThat(statuses.keySet()).as("answers of every kind").contains(200, 202, 400, 401, 404, 415, 422);
    }

    private static void freshWorld() {
        TestServer.resetDocumented();
        TestServer.freeze();
    }

    private static Probe.Request toProbe(GeneratedRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Auth-Token", switch (request.credential()) {
            case OWN -> TestServer.TOKEN;
            case UNKNOWN -> "not-a-token-of-the-registry";
            case NONE -> null;
            case ANOTHER_ACCOUNT -> throw new IllegalStateException("the generator draws no other account's token");
        });
        headers.put("Content-Type", request.contentType().orElse(null));
        return new Probe.Request(request.method(), request.path(), headers,
                request.body().map(body -> body.getBytes(StandardCharsets.UTF_8)));
    }
}
