package io.hakit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What a raw-socket probe of the edge found after the first rounds (slowloris, smuggling, path spellings): requests
 * a client library would never send, each answered with the documented status and body, never a 500.
 */
class EdgeProbesTest {

    /** Jetty answers OPTIONS to a static file with 200, Allow and Content-Length: 0 through the error handler. */
    @Test
    void optionsOnTheDocsPagesIsAnsweredAndNeverAServerError() throws IOException {
        Answer answer = send("OPTIONS /docs/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.header("Allow")).as(answer.text()).contains("GET");
        assertThat(answer.body()).as(answer.text()).isEmpty();
    }

    /**
     * A UTF-16 body without a byte order mark is all bytes below 0x80: it passed the UTF-8 check as ASCII, then
     * Jackson detected UTF-16 and the ACL was added. The same body with its BOM was refused.
     */
    @Test
    void aJsonBodyInUtf16WithoutAByteOrderMarkIsRefusedAndChangesNothing() throws IOException {
        TestServer.resetDocumented();
        TestServer.freeze();
        com.fasterxml.jackson.databind.JsonNode before = TestServer.world();
        String utf16 = new String("{\"address\": \"10.16.0.0/16\"}".getBytes(StandardCharsets.UTF_16LE),
                StandardCharsets.ISO_8859_1);

        Answer api = send("POST /v1.0/1234/ha/e7fdf90b-7140-4edb-b449-e093d55008fb/acls HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Auth-Token: " + TestServer.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: "
                + utf16.length() + "\r\nConnection: close\r\n\r\n" + utf16);
        String advance = new String("{\"seconds\": 60}".getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1);
        Answer control = send("POST /_emulator/clock/advance HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + advance.length() + "\r\nConnection: close\r\n\r\n" + advance);

        assertThat(api.status()).as(api.text()).isEqualTo(400);
        assertThat(api.body()).as(api.text()).contains("\"badRequest\"").contains("UTF-8");
        assertThat(control.status()).as(control.text()).isEqualTo(400);
        assertThat(control.body()).as(control.text()).contains("\"error\"").contains("UTF-8");
        assertThat(TestServer.world()).as("nothing changed").isEqualTo(before);
    }

    record Answer(int status, String text, String head, String body) {
        /** The value of the first header of that name, or null. */
        String header(String name) {
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }
    }

    /** Sends the bytes as they are (ISO-8859-1: one byte a char) and reads until the server closes. */
    static Answer send(String request) throws IOException {
        try (Socket socket = RawSockets.connect(TestServer.server().baseUri().getHost(), TestServer.server().port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = RawSockets.readToTheEnd(socket);
            int split = answer.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(answer.substring(9, 12)), answer, answer.substring(0, split),
                    answer.substring(split + 4));
        }
    }
}
