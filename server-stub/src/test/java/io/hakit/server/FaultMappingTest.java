package io.hakit.server;

import static io.hakit.server.Refusals.assertRefused;
import static io.hakit.server.TestServer.api;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.server.domain.DomainException;
import io.hakit.server.http.ExceptionMappers;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

    /** The server stops reading past the limit and answers while the client is still sending (raw socket). */
    @Test
    void anOversizedChunkedBodyIsCutOff() throws IOException {
        try (Socket socket = new Socket(TestServer.server().baseUri().getHost(), TestServer.server().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + HA_1 + "/acls HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: " + TestServer.TOKEN
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + "1".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 64; i++) { // 4 MB, no length
                    out.write(chunk);
                }
            } catch (IOException refusedMidway) {
                // the server answered and closed before reading it all, as it should: read its answer
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413 ").contains("\"overLimit\"").doesNotContain("Retry-After");
        }
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
