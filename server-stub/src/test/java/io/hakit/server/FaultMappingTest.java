package io.hakit.server;

import static io.hakit.server.Refusals.assertRefused;
import static io.hakit.server.TestServer.api;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.server.domain.DomainException;
import io.hakit.server.http.ExceptionMappers;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every error is the documented Fault: the name follows the code, and the precedence is authentication, routing
 * (404, 405), media type (415), syntax and schema (400), then state and rules (422).
 */
class FaultMappingTest {

    private static final String HA_1 = "/v1.0/1234/ha/e7fdf90b-7140-4edb-b449-e093d55008fb";
    private static final String UNKNOWN = "/v1.0/1234/ha/0d9f6f5e-0000-4000-8000-000000000000";

    @BeforeEach
    void documentedWorld() {
        TestServer.resetDocumented();
        TestServer.freeze();
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFieldsAreBadRequests() {
        assertRefused(400, () -> api().body("{\"restart\": ").post(HA_1 + "/action"));
        assertRefused(400, () -> api().body("[]").post(HA_1 + "/action"));
        assertRefused(400, () -> api().body("{\"resize_volumes\": {\"size\": \"4\"}}").post(HA_1 + "/action"));
        assertRefused(400, () -> api().body("{\"address\": \"1.2.3.4/32\", \"type\": \"DENY\"}").post(HA_1 + "/acls"));
        assertRefused(400, () -> api().body("").post(HA_1 + "/acls"));
    }

    @Test
    void anUnknownActionSaysWhichActionsThereAre() {
        String message = assertRefused(400, () -> api().body("{\"reboot\": {}}").post(HA_1 + "/action"));
        assertThat(message).contains("reboot").contains("add_replica").contains("upgrade");
        message = assertRefused(400, () -> api().body("{\"restart\": {}, \"resize_flavor\": \"3\"}").post(HA_1 + "/action"));
        assertThat(message).contains("exactly one key");
    }

    @Test
    void anUnknownPathIsItemNotFoundAndAWrongMethodIsBadMethod() {
        assertRefused(404, () -> api().get("/v1.0/1234/nothing"));
        assertRefused(404, () -> api().get("/v1.0/1234/ha/x/y/z"));
        assertRefused(404, () -> api().get("/v2.0/1234/ha"));
        assertRefused(405, () -> api().put(HA_1));
        assertThat(api().put(HA_1).header("Allow")).contains("GET").contains("PATCH").contains("DELETE");
        assertRefused(405, () -> api().delete("/v1.0/1234/ha"));
    }

    @Test
    void aBodyThatIsNotJsonIsBadMediaType() {
        assertRefused(415, () -> api().contentType("text/plain").body("restart").post(HA_1 + "/action"));
        assertRefused(415, () -> api().contentType("application/xml").body("<restart/>").post("/v1.0/1234/ha"));
    }

    @Test
    void anOversizedBodyIsOverLimitWithoutRetryAfter() {
        byte[] big = ("{\"address\": \"" + "1".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        io.restassured.response.Response response = api().body(big).post(HA_1 + "/acls");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.header("Retry-After")).isNull();
        assertThat(TestServer.json(response).at("/overLimit/code").asInt()).isEqualTo(413);
    }

    @Test
    void anOversizedChunkedBodyIsCutOff() {
        InputStream chunks = new SequenceInputStream(Collections.enumeration(java.util.stream.IntStream.range(0, 64)
                .mapToObj(i -> (InputStream) new ByteArrayInputStream(new byte[64 * 1024])).toList())); // 4 MB, no length
        io.restassured.response.Response response = TestServer.raw().header("X-Auth-Token", TestServer.TOKEN)
                .contentType("application/json").body(chunks).post(HA_1 + "/acls");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(413);
        assertThat(TestServer.json(response).has("overLimit")).isTrue();
    }

    @Test
    void precedenceIsRoutingThenMediaTypeThenSchemaThenRules() {
        assertRefused(404, () -> api().contentType("text/plain").body("x").post("/v1.0/1234/nothing"));
        assertRefused(405, () -> api().body("{not json").put(HA_1));
        assertRefused(415, () -> api().contentType("text/plain").body("{not json").post(HA_1 + "/action"));
        assertRefused(400, () -> api().body("{\"resize_volumes\": {\"size\": 0}}").post(UNKNOWN + "/action"));
        assertRefused(404, () -> api().body("{\"resize_volumes\": {\"size\": 5}}").post(UNKNOWN + "/action"));
        api().body("{\"restart\": {}}").post(HA_1 + "/action").then().statusCode(202);
        assertRefused(422, () -> api().body("{\"resize_volumes\": {\"size\": 5}}").post(HA_1 + "/action"));
    }

    @Test
    void anythingUnexpectedIsAnInstanceFaultWithoutAStackTrace() {
        Response response = new ExceptionMappers.Unexpected().toResponse(new NullPointerException("secret detail"));
        assertThat(response.getStatus()).isEqualTo(500);
        String body = response.getEntity().toString();
        assertThat(body).contains("\"instanceFault\"").contains("\"code\":500").doesNotContain("secret detail")
                .doesNotContain("NullPointerException");
    }

    @Test
    void domainRefusalsMapToTheirCodes() {
        assertThat(new ExceptionMappers.Domain().toResponse(DomainException.overLimit("x")).getStatus()).isEqualTo(413);
        assertThat(new ExceptionMappers.Domain().toResponse(DomainException.badRequest("x")).getStatus()).isEqualTo(400);
    }
}
