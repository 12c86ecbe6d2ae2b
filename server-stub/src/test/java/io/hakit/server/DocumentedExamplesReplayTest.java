package io.hakit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.openapi.ContractValidators;
import io.hakit.openapi.DocumentedReplay;
import io.hakit.openapi.HaContract.DocumentedExchange;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented request, sent verbatim as the first request after a reset to the documented world (the
 * example's own world where it needs one), answers its documented status, and the documented body is contained
 * in the answer, which the document describes (strictly: no undocumented field). Read from the bundled document.
 */
class DocumentedExamplesReplayTest {

    private static final DocumentedReplay REPLAY = new DocumentedReplay(TestServer.server().baseUri(), ContractValidators.strict());

    static Stream<DocumentedExchange> exchanges() {
        return TestServer.CONTRACT.documentedExchanges().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exchanges")
    void replays(DocumentedExchange exchange) {
        TestServer.resetDocumented(exchange.name());
        DocumentedReplay.Outcome outcome = REPLAY.replay(exchange, Map.of());
        assertThat(outcome.problems()).as(exchange.name()).isEmpty();
        if (exchange.responseBody().isEmpty()) {
            assertThat(outcome.body()).as(exchange.name() + " documents no body").isEmpty();
        }
    }
}
