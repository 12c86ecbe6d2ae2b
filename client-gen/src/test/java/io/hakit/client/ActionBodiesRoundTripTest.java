package io.hakit.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.client.invoker.ApiClient;
import io.hakit.client.model.HaActionRequest;
import io.hakit.openapi.HaContract;
import io.hakit.openapi.HaContract.DocumentedExchange;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented /action body reads into the generated HaActionRequest with exactly its one action set, and writes
 * back to equal JSON: unset actions are left out, so a body built with one action has one key.
 */
class ActionBodiesRoundTripTest {

    private static final ObjectMapper CLIENT_MAPPER = ApiClient.createDefaultObjectMapper();
    private static final ObjectMapper READER = ApiClient.createDefaultObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Stream<DocumentedExchange> actionExamples() {
        return HaContract.load().documentedExchanges().stream()
                .filter(e -> e.carrier().operationId().equals("actOnHaInstance"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actionExamples")
    void readsAsItsActionAndWritesBackEqual(DocumentedExchange exchange) throws Exception {
        JsonNode documented = exchange.requestBody().orElseThrow();
        HaActionRequest request = READER.treeToValue(documented, HaActionRequest.class);
        JsonNode set = CLIENT_MAPPER.valueToTree(request);
        assertThat(set.size()).as("one action set in %s", set).isEqualTo(1);
        assertThat(set.has(documented.fieldNames().next())).isTrue();
        assertThat(CLIENT_MAPPER.readTree(CLIENT_MAPPER.writeValueAsString(request))).isEqualTo(documented);
    }
}
