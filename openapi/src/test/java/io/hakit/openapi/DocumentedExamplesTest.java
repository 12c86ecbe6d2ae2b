package io.hakit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.openapi.HaContract.DocumentedExchange;
import io.hakit.openapi.HaContract.NamedOperation;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The document holds every example of the seed verbatim, as named pairs, and names the project's 21 operations.
 * Compared with the seed itself (docs/seed-ha-api-reference.txt), not with a copy in this test.
 */
class DocumentedExamplesTest {

    private static final HaContract CONTRACT = HaContract.load(KitPaths.BUNDLE);
    private static final List<SeedTranscript.Example> SEED = SeedTranscript.read(KitPaths.SEED);

    @Test
    void theDocumentNamesTwentyOneOperationsFifteenFromTheSeed() {
        assertThat(CONTRACT.namedOperations()).extracting(NamedOperation::name).doesNotHaveDuplicates();
        assertThat(CONTRACT.operations()).hasSize(21);
        Set<String> seeded = new HashSet<>();
        CONTRACT.documentedExchanges().stream().filter(DocumentedExchange::fromSeed)
                .forEach(e -> seeded.add(e.operation()));
        assertThat(seeded).hasSize(15);
    }

    @Test
    void everySeedExampleIsInTheDocumentOnce() {
        Map<String, String> usedBy = new LinkedHashMap<>();
        for (DocumentedExchange exchange : CONTRACT.documentedExchanges()) {
            exchange.seedTitle().ifPresent(title -> {
                for (String kind : List.of("request", "response")) {
                    String key = title + " / " + kind;
                    if (SEED.stream().anyMatch(s -> s.key().equals(key))) {
                        assertThat(usedBy.put(key, exchange.name())).as("%s used twice", key).isNull();
                    }
                }
            });
        }
        assertThat(usedBy.keySet()).containsExactlyInAnyOrderElementsOf(
                SEED.stream().map(SeedTranscript.Example::key).toList());
        assertThat(CONTRACT.documentedExchanges().stream().filter(DocumentedExchange::fromSeed)).hasSize(16);
    }

    @Test
    void seedRequestsAreVerbatim() {
        for (DocumentedExchange exchange : seedExchanges()) {
            seed(exchange, "request").ifPresent(request -> {
                assertThat(request.startLine()).as(exchange.name()).startsWith(exchange.method() + " " + exchange.path() + " ");
                assertThat(exchange.headers()).as(exchange.name()).isEqualTo(request.headers());
                assertThat(exchange.requestBody()).as(exchange.name()).isEqualTo(request.body());
            });
        }
    }

    @Test
    void seedResponsesAreVerbatim() {
        for (DocumentedExchange exchange : seedExchanges()) {
            SeedTranscript.Example response = seed(exchange, "response").orElseThrow();
            assertThat(response.pathOrStatus()).as(exchange.name()).isEqualTo(String.valueOf(exchange.status()));
            assertThat(exchange.responseBody()).as(exchange.name()).isEqualTo(response.body());
        }
    }

    @Test
    void everyDocumentedRequestBodyPairsWithItsExchange() {
        for (DocumentedExchange exchange : CONTRACT.documentedExchanges()) {
            boolean takesBody = exchange.carrier().node().has("requestBody");
            assertThat(exchange.requestBody().isPresent()).as(exchange.name()).isEqualTo(takesBody);
        }
    }

    private static List<DocumentedExchange> seedExchanges() {
        return CONTRACT.documentedExchanges().stream().filter(DocumentedExchange::fromSeed).toList();
    }

    private static java.util.Optional<SeedTranscript.Example> seed(DocumentedExchange exchange, String kind) {
        String key = exchange.seedTitle().orElseThrow() + " / " + kind;
        return SEED.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
