package io.hakit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.openapi.Containment;
import io.hakit.openapi.HaContract.DocumentedExchange;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented request, sent verbatim as the first request after a reset to the documented world (the
 * example's own world where it needs one), answers its documented status, and the documented body is contained
 * in the answer. The exchanges are read from the bundled document.
 */
class DocumentedExamplesReplayTest {

    static Stream<DocumentedExchange> exchanges() {
        return TestServer.CONTRACT.documentedExchanges().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exchanges")
    void replays(DocumentedExchange exchange) throws Exception {
        TestServer.resetDocumented(exchange.name());
        RequestSpecification request = TestServer.validated();
        exchange.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) { // the host names the target, not the request
                request.header(name, value);
            }
        });
        exchange.requestBody().ifPresent(body -> request.body(body.toString()));
        Response response = request.request(exchange.method(), exchange.path());

        assertThat(response.statusCode()).as(exchange.name() + ": " + response.asString()).isEqualTo(exchange.status());
        if (exchange.responseBody().isPresent()) {
            List<String> differences = Containment.differences(exchange.responseBody().get(),
                    TestServer.json(response), new HashSet<>(exchange.notCompared()));
            assertThat(differences).as(exchange.name()).isEmpty();
        } else {
            assertThat(response.asString()).as(exchange.name() + " documents no body").isEmpty();
        }
    }
}
