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
