package io.hakit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No message repeats more than 64 characters of a client's own value (io.hakit.server.domain.Echoes), wherever the
 * value was read: a path segment, the query, a body's key or value, a world file's id. Each of these came back
 * whole (a 300-character value in a 400, 403 or 404; a body's key of 50,000 characters would have too).
 */
class BoundedEchoesTest {

    private static final String LONG = "A".repeat(300);
    private static final String HA_1 = "/v1.0/1234/ha/e7fdf90b-7140-4edb-b449-e093d55008fb";
    private static final String JSON = "Content-Type: application/json\r\n";
    private static final String TOKEN = "X-Auth-Token: " + TestServer.TOKEN + "\r\n";

    @BeforeEach
    void documentedWorld() {
        TestServer.resetDocumented();
    }

    static Stream<Arguments> echoes() {
        return Stream.of(
                Arguments.of(403, "GET /v1.0/" + LONG + "/ha", TOKEN, ""),
                Arguments.of(404, "GET /" + LONG, "", ""),
                Arguments.of(400, "GET /v1.0/1234/ha;" + LONG, TOKEN, ""),
                Arguments.of(400, "GET /v1.0/1234/ha?x=%C0" + LONG, TOKEN, ""),
                Arguments.of(400, "POST " + HA_1 + "/action", TOKEN + JSON, "{\"" + LONG + "\": {}}"),
                Arguments.of(400, "POST " + HA_1 + "/action", TOKEN + JSON, "{\"" + LONG + "\": {}, \"restart\": {}}"),
                Arguments.of(404, "POST /_emulator/reset", JSON, "{\"scenario\": \"documented\", \"example\": \"" + LONG + "\"}"),
                Arguments.of(404, "POST /_emulator/accounts/1234/ha/" + LONG + "/failover", "", ""),
                Arguments.of(400, "PUT /_emulator/durations", JSON, "{\"seconds\": {\"" + LONG + "\": 1}}"),
                Arguments.of(400, "PUT /_emulator/state", JSON, "{\"accounts\": [{\"id\": \"1234\", \"haInstances\": [{\"id\": \""
                        + LONG + "\", \"sourceId\": \"" + LONG + "\"}]}]}"));
    }

    @ParameterizedTest
    @MethodSource("echoes")
    void aMessageRepeatsAtMost64CharactersOfTheClientsValue(int status, String requestLine, String headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = RawSockets.connect(TestServer.server().baseUri().getHost(), TestServer.server().port())) {
            RawSockets.send(socket, requestLine + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Content-Length: "
                    + bytes.length + "\r\nConnection: close\r\n\r\n" + body);
            String answer = RawSockets.readToTheEnd(socket);
            assertThat(answer).startsWith("HTTP/1.1 " + status + " ").contains("…").doesNotContain("A".repeat(65));
        }
    }
}
