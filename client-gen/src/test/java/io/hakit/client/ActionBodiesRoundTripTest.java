package io.hakit.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.client.invoker.ApiClient;
import io.hakit.client.model.AddReplicaAction;
import io.hakit.client.model.HaActionRequest;
import io.hakit.client.model.RemoveReplicaAction;
import io.hakit.client.model.ResizeFlavorAction;
import io.hakit.client.model.ResizeVolumesAction;
import io.hakit.client.model.RestartAction;
import io.hakit.client.model.UpgradeAction;
import io.hakit.openapi.HaContract;
import io.hakit.openapi.HaContract.DocumentedExchange;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented /action body reads into the generated oneOf as the right action and writes back to equal JSON.
 * Reading needs FAIL_ON_UNKNOWN_PROPERTIES on: the generated mapper turns it off (so that answers may grow), and
 * then {"restart": {}} would match every action type. The client itself only writes action bodies.
 */
class ActionBodiesRoundTripTest {

    private static final ObjectMapper CLIENT_MAPPER = ApiClient.createDefaultObjectMapper();
    private static final ObjectMapper READER = ApiClient.createDefaultObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Map<String, Class<?>> ACTION_TYPES = Map.of(
            "add_replica", AddReplicaAction.class, "remove_replica", RemoveReplicaAction.class,
            "resize_volumes", ResizeVolumesAction.class, "resize_flavor", ResizeFlavorAction.class,
            "restart", RestartAction.class, "upgrade", UpgradeAction.class);

    static Stream<DocumentedExchange> actionExamples() {
        return HaContract.load().documentedExchanges().stream()
                .filter(e -> e.carrier().operationId().equals("actOnHaInstance"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actionExamples")
    void readsAsItsActionAndWritesBackEqual(DocumentedExchange exchange) throws Exception {
        JsonNode documented = exchange.requestBody().orElseThrow();
        HaActionRequest request = READER.treeToValue(documented, HaActionRequest.class);
        String action = documented.fieldNames().next();
        assertThat(request.getActualInstance()).isInstanceOf(ACTION_TYPES.get(action));
        assertThat(CLIENT_MAPPER.readTree(CLIENT_MAPPER.writeValueAsString(request))).isEqualTo(documented);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actionExamples")
    void writesTheSameJsonWhenBuiltByHand(DocumentedExchange exchange) throws Exception {
        JsonNode documented = exchange.requestBody().orElseThrow();
        Object action = READER.treeToValue(documented, ACTION_TYPES.get(documented.fieldNames().next()));
        HaActionRequest request = new HaActionRequest();
        request.setActualInstance(action); // what each typed constructor does
        assertThat(CLIENT_MAPPER.readTree(CLIENT_MAPPER.writeValueAsString(request))).isEqualTo(documented);
    }
}
