package io.hakit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.util.function.Supplier;

/** A refused request answers its documented fault and leaves the world exactly as it was. */
final class Refusals {

    /** The fault name of each status, from the document's Fault schemas. */
    private static final java.util.Map<Integer, String> FAULTS = TestServer.CONTRACT.faultNames();

    private Refusals() {}

    /** Sends the request and checks status, fault body and the unchanged world; answers the fault's message. */
    static String assertRefused(int status, Supplier<Response> request) {
        JsonNode before = TestServer.world();
        Response response = request.get();
        JsonNode body = TestServer.json(response);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        String fault = FAULTS.get(status);
        assertThat(body.has(fault)).as("%s carries the %s fault", response.asString(), fault).isTrue();
        assertThat(body.get(fault).get("code").asInt()).isEqualTo(status);
        assertThat(body.get(fault).get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(TestServer.world()).as("a refused request changes nothing").isEqualTo(before);
        return body.get(fault).get("message").asText();
    }
}
