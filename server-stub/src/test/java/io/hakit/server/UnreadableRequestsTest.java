package io.hakit.server;

import static io.hakit.server.Refusals.assertRefused;
import static io.hakit.server.TestServer.api;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests whose headers, query or body cannot be read as sent get the documented error of their path, in a
 * client's terms: the Fault (the control API's Problem), never a bare status, a framework's default text, or the
 * parser's names for what went wrong (its classes and settings). Found by probing the server with raw sockets.
 */
class UnreadableRequestsTest {

    private static final String HA_1 = "/v1.0/1234/ha/e7fdf90b-7140-4edb-b449-e093d55008fb";
    private static final String ACL = "{\"address\": \"10.11.0.0/16\"}";

    /** What a message for a client never holds: the parser's and the server's Java names, a source location dump. */
    private static final String[] INTERNALS = {"`", "Feature", "Jackson", "com.fasterxml", "io.hakit", "REDACTED",
        "Source:", "Exception", "HTTP 4"};

    @BeforeEach
    void documentedWorld() {
        TestServer.resetDocumented();
        TestServer.freeze();
    }

    static Stream<String> unreadableContentTypes() {
        return Stream.of("Content-Type: \r\n", "Content-Type: application/json\r\nContent-Type: application/json\r\n",
                "Content-Type: application/json\r\nContent-Type: text/plain\r\n", "Content-Type: /\r\n",
                "Content-Type: application/json; charset\r\n");
    }

    @ParameterizedTest
    @MethodSource("unreadableContentTypes")
    void aContentTypeThatIsNotOneMediaTypeIsABadRequestWithItsFault(String contentType) throws IOException {
        JsonNode before = TestServer.world();

        Answer api = send("POST " + HA_1 + "/acls", "X-Auth-Token: " + TestServer.TOKEN + "\r\n" + contentType, ACL);
        Answer control = send("POST /_emulator/clock/advance", contentType, "{\"seconds\": 60}");

        assertThat(api.status()).as(api.text()).isEqualTo(400);
        assertThat(api.body().at("/badRequest/code").asInt()).as(api.text()).isEqualTo(400);
        assertThat(api.body().at("/badRequest/message").asText()).contains("Content-Type");
        assertThat(control.status()).as(control.text()).isEqualTo(400);
        assertThat(control.body().at("/error").asText()).as(control.text()).contains("Content-Type");
        assertThat(TestServer.world()).as("nothing changed").isEqualTo(before);
    }

    /** JAX-RS answers 404 for a query value its Java type cannot take; the path exists: it is the value that is bad. */
    @ParameterizedTest
    @ValueSource(strings = {"/v1.0/1234/ha?limit=+1", "/v1.0/1234/ha?limit=1+", "/v1.0/1234/flavors?limit=%201",
        "/v1.0/1234/backups?limit=+2"})
    void aQueryValueItsTypeCannotTakeIsABadRequest(String path) {
        String message = assertRefused(400, () -> api().get(path));

        assertThat(message).contains("limit").doesNotContain(INTERNALS);
    }

    static Stream<String> notOneJsonValue() {
        return Stream.of("{\"address\": \"10.3.0.0/16\"}{\"a\": 1}", "{\"address\": \"10.3.0.0/16\"} x",
                "{\"address\": NaN}", "{\"address\": \"10.3", "[".repeat(1200) + "]".repeat(1200), "{\"address\": +1}",
                "{\"address\": \"bogus\", \"address\": \"10.3.0.0/16\"}",
                "{\"address\": \"10.3.0.0/16\", \"address\": \"10.3.0.0/16\"}");
    }

    /** Read last-one-wins, the first action would pass the validator's eye unseen; the body is refused instead. */
    @Test
    void aBodyThatNamesAMemberTwiceIsRefused() {
        String action = "/v1.0/1234/ha/3a493f8c-9b9c-4ca1-845b-e3689abb1f5c/action";
        String message = assertRefused(400, () -> api()
                .body("{\"resize_volumes\": {\"size\": 2}, \"resize_volumes\": {\"size\": 299}}").post(action));
        String nested = assertRefused(400, () -> api().body("{\"resize_volumes\": {\"size\": 2, \"size\": 3}}").post(action));

        assertThat(message).contains("twice").contains("line 1").doesNotContain(INTERNALS);
        assertThat(nested).contains("twice").doesNotContain(INTERNALS);
    }

    @ParameterizedTest
    @MethodSource("notOneJsonValue")
    void aBodyThatIsNotOneJsonValueIsRefusedInAClientsTerms(String body) {
        String message = assertRefused(400, () -> api().body(body).post(HA_1 + "/acls"));

        assertThat(message).startsWith("Invalid request: The request body").doesNotContain(INTERNALS);
    }

    @Test
    void theControlApiSaysTheSameInItsProblem() {
        io.restassured.response.Response answer = TestServer.raw().contentType("application/json")
                .body("{\"seconds\": 1}{}").post("/_emulator/clock/advance");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(answer).at("/error").asText()).contains("more follows").doesNotContain(INTERNALS);
    }

    @Test
    void valuesTheValidatorCannotJudgeAreRefusedWithoutItsWords() {
        String number = assertRefused(400, () -> api().body("{\"resize_volumes\": {\"size\": 1e400}}")
                .post("/v1.0/1234/ha/3a493f8c-9b9c-4ca1-845b-e3689abb1f5c/action"));
        String query = assertRefused(400, () -> api().get("/v1.0/1234/ha?limit=%2B1"));

        assertThat(number).doesNotContain(INTERNALS).doesNotContain("Character");
        assertThat(query).isEqualTo("Invalid request: The query parameter limit is not a valid integer.");
    }

    /** Jersey routes "/ha/" as "/ha"; the API has no such path, and a client that sends one learns it here. */
    @ParameterizedTest
    @ValueSource(strings = {"/v1.0/1234/ha/", "/v1.0/1234/flavors/", "/v1.0/1234/ha/e7fdf90b-7140-4edb-b449-e093d55008fb/",
        "/v1.0/1234/ha/e7fdf90b-7140-4edb-b449-e093d55008fb/acls/", "/v1.0/", "/_emulator/clock/"})
    void aPathWithATrailingSlashIsNotFound(String path) {
        io.restassured.response.Response answer = path.startsWith("/_emulator") ? TestServer.raw().get(path) : api().get(path);

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(404);
        assertThat(answer.asString()).contains("trailing slash");
        assertThat(TestServer.raw().get(path).statusCode()).as("no token: 401 first, where a token is needed")
                .isEqualTo(path.contains("/1234/") ? 401 : 404);
    }

    static Stream<Arguments> framingTheEdgeRefuses() {
        String token = "X-Auth-Token: " + TestServer.TOKEN + "\r\n";
        return Stream.of(
                // RFC 9112, 6.1: an HTTP/1.0 intermediary would frame it by its length; here a second request followed
                Arguments.of("POST " + HA_1 + "/acls HTTP/1.0\r\nHost: x\r\n" + token + "Content-Type: application/json\r\n"
                        + "Connection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n18\r\n{\"address\":\"1.2.3.5/32\"}\r\n"
                        + "0\r\n\r\nGET / HTTP/1.0\r\n\r\n", "/badRequest/message", "Transfer-Encoding"),
                Arguments.of("GET ftp://localhost" + HA_1 + " HTTP/1.1\r\nHost: localhost\r\n" + token
                        + "Connection: close\r\n\r\n", "/badRequest/message", "scheme"),
                Arguments.of("GET /_emulator;x/state HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", "/error",
                        "path parameters"));
    }

    /** Found by an attacker's probe: each was served (the first as two requests), or answered in the wrong shape. */
    @ParameterizedTest
    @MethodSource("framingTheEdgeRefuses")
    void framingTheEdgeRefusesIsOneBadRequest(String request, String message, String says) throws IOException {
        JsonNode before = TestServer.world();
        String answer;
        try (Socket socket = RawSockets.connect(TestServer.server().baseUri().getHost(), TestServer.server().port())) {
            RawSockets.send(socket, request);
            answer = RawSockets.readToTheEnd(socket);
        }

        assertThat(answer).startsWith("HTTP/1.1 400").containsOnlyOnce("HTTP/1.1 ");
        assertThat(TestServer.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).at(message).asText())
                .contains(says);
        assertThat(TestServer.world()).isEqualTo(before);
    }

    /** A media range matches any @Consumes in JAX-RS; as a body's type it names none, so it is unsupported. */
    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "*/*; charset=utf-8"})
    void aMediaRangeAsTheBodysTypeIsUnsupportedMediaType(String range) {
        String message = assertRefused(415, () -> api().contentType(range).body(ACL.getBytes(StandardCharsets.UTF_8))
                .post(HA_1 + "/acls"));
        io.restassured.response.Response control = TestServer.raw().contentType(range)
                .body("{\"seconds\": 1}".getBytes(StandardCharsets.UTF_8)).post("/_emulator/clock/advance");

        assertThat(message).contains("application/json").doesNotContain(INTERNALS);
        assertThat(control.statusCode()).isEqualTo(415);
    }

    /** Neither API reads a content coding: a gzip body was read as the JSON it claimed to compress. */
    @Test
    void aBodyInAContentCodingIsUnsupportedMediaType() {
        assertRefused(415, () -> api().header("Content-Encoding", "gzip").body(ACL).post(HA_1 + "/acls"));
        assertRefused(415, () -> api().header("Content-Encoding", "br").body("{\"restart\": {}}").post(HA_1 + "/action"));
        io.restassured.response.Response control = TestServer.raw().contentType("application/json")
                .header("Content-Encoding", "gzip").body("{\"seconds\": 60}").post("/_emulator/clock/advance");

        assertThat(control.statusCode()).isEqualTo(415);
        assertThat(TestServer.json(control).has("error")).isTrue();
        assertThat(api().header("Content-Encoding", "identity").body(ACL).post(HA_1 + "/acls").statusCode())
                .as("identity is no coding").isEqualTo(200);
    }

    /** The documents are answered in their own media type whatever Accept says, as the API answers JSON. */
    @ParameterizedTest
    @ValueSource(strings = {"/openapi.yaml", "/openapi.yaml/", "/_emulator/openapi.yaml", "/reference"})
    void aDocumentIsServedWhateverTheAcceptHeaderSays(String path) {
        for (String accept : new String[] {"application/json", "text/html", "application/xml;q=0.1", "*/*"}) {
            io.restassured.response.Response answer = TestServer.raw().accept(accept).get(path);

            assertThat(answer.statusCode()).as(path + " with Accept " + accept).isEqualTo(200);
            assertThat(answer.contentType()).startsWith(path.startsWith("/reference") ? "text/html" : "application/yaml");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999", "-1e999"})
    void aConfigurationValueBeyondANumbersRangeIsRefused(String value) {
        JsonNode before = TestServer.world();
        io.restassured.response.Response answer = TestServer.raw().contentType("application/json")
                .body("{\"name\": \"c\", \"datastore\": {\"type\": \"mysql\", \"version\": \"5.7\"}, "
                        + "\"values\": {\"max_connections\": " + value + "}}")
                .post("/_emulator/accounts/1234/configurations");

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(TestServer.json(answer).at("/error").asText()).contains("max_connections");
        assertThat(TestServer.world()).as("nothing changed").isEqualTo(before);
    }

    /**
     * RFC 9110, 8.3.1: {@code parameters = *( OWS ";" OWS [ parameter ] )}, so an empty parameter (a trailing or a
     * doubled ';') leaves one media type: application/json. Jersey read it so and routed it, and the validator, given
     * the header as sent, refused it in its own words ("... is not a valid media type").
     */
    @ParameterizedTest
    @ValueSource(strings = {"application/json;", "application/json;;charset=utf-8", "application/json; charset=utf-8;"})
    void aContentTypeWithAnEmptyParameterIsApplicationJson(String contentType) throws IOException {
        Answer api = send("POST " + HA_1 + "/acls", "X-Auth-Token: " + TestServer.TOKEN + "\r\nContent-Type: "
                + contentType + "\r\n", ACL);
        Answer control = send("POST /_emulator/clock/advance", "Content-Type: " + contentType + "\r\n",
                "{\"seconds\": 60}");

        assertThat(api.status()).as(api.text()).isEqualTo(200);
        assertThat(control.status()).as(control.text()).isEqualTo(200);
    }

    private record Answer(int status, String text, JsonNode body) {}

    /** One request over a raw socket: client libraries will not send an empty or a repeated Content-Type. */
    private static Answer send(String requestLine, String headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = RawSockets.connect(TestServer.server().baseUri().getHost(), TestServer.server().port())) {
            RawSockets.send(socket, requestLine + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Content-Length: "
                    + bytes.length + "\r\nConnection: close\r\n\r\n" + body);
            String answer = RawSockets.readToTheEnd(socket);
            int status = Integer.parseInt(answer.substring(9, 12));
            String entity = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            return new Answer(status, answer, entity.isEmpty() ? TestServer.JSON.nullNode() : TestServer.JSON.readTree(entity));
        }
    }
}
