package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.hakit.contract.api.ContractViolation;
import io.hakit.contract.api.RestHaApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An answer whose bytes are not UTF-8 is caught, although its text (with replacement characters where the bad
 * bytes were) is a valid answer: JSON is UTF-8, and a client that decodes strictly cannot read it.
 */
class NotUtf8AnswerTest {

    @Test
    void aListWithBytesThatAreNotUtf8IsCaught() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("{\"ha_instances\": [], \"note\": \"caf".getBytes(StandardCharsets.UTF_8));
        body.write(0xe9); // "é" in ISO-8859-1
        body.write("\"}".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        HttpServer server = LoopbackHttp.serving(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        try {
            ScenarioClient client = ScenarioClient.at(server.getAddress().getPort());

            assertThatThrownBy(client.api()::listGroups).isInstanceOf(ContractViolation.class);
            List<Conformance.Failure> failures = client.conformance().failuresOf("listHaInstances");
            assertThat(failures).extracting(Conformance.Failure::check).contains("response_schema_conformance");
            assertThat(failures).extracting(Conformance.Failure::message)
                    .anySatisfy(m -> assertThat(m).contains("not UTF-8").contains("0xe9").contains("offset 33"));
        } finally {
            server.stop(0);
        }
    }
}
