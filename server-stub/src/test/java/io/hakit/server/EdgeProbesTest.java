package io.hakit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a raw-socket probe of the edge found after the first rounds (slowloris, smuggling, path spellings): requests
 * a client library would never send, each answered with the documented status and body, never a 500.
 */
class EdgeProbesTest {

    private static final String ACLS = "/v1.0/1234/ha/e7fdf90b-7140-4edb-b449-e093d55008fb/acls";

    /** Jetty answers OPTIONS to a static file with 200, Allow and Content-Length: 0 through the error handler. */
    @Test
    void optionsOnTheDocsPagesIsAnsweredAndNeverAServerError() throws IOException {
        Answer answer = send("OPTIONS /docs/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.header("Allow")).as(answer.text()).contains("GET");
        assertThat(answer.body()).as(answer.text()).isEmpty();
    }

    /** The Swagger UI's files are read-only: another method is a 405 with Allow (it was a 404, as if they were not there). */
    @Test
    void anotherMethodOnTheDocsPagesIs405WithAllow() throws IOException {
        Answer post = send("POST /docs/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        Answer delete = send("DELETE /docs/index.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Answer missing = send("GET /docs/no-such-file.js HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        for (Answer answer : List.of(post, delete)) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(405);
            assertThat(answer.header("Allow")).as(answer.text()).isEqualTo("GET");
            assertThat(answer.body()).as(answer.text()).contains("\"badMethod\"");
        }
        assertThat(missing.status()).as(missing.text()).isEqualTo(404);
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

        Answer api = send("POST " + ACLS + " HTTP/1.1\r\nHost: localhost\r\n"
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

    /**
     * A request refused for its token (401) or its account (403) is refused before its body: its body used to be read
     * first, each declared length taken from the 32 MB body budget at once, so that a client without a token could
     * hold the whole budget with 32 idle connections (until the idle timeout) and every other write was a 503.
     */
    @Test
    void aBodyWithoutATokenForItsAccountIsRefusedBeforeItIsReadAndHoldsNoMemory() throws IOException {
        TestServer.resetDocumented();
        TestServer.freeze();
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket socket = RawSockets.connect(TestServer.server().baseUri().getHost(), TestServer.server().port());
                idle.add(socket);
                String token = i % 2 == 0 ? "" : "X-Auth-Token: " + TestServer.OTHER_TOKEN + "\r\n";
                RawSockets.send(socket, "POST " + ACLS + " HTTP/1.1\r\nHost: localhost\r\n" + token
                        + "Content-Type: application/json\r\nContent-Length: 1048576\r\n\r\n{");
            }
            for (int i = 0; i < idle.size(); i++) {
                assertThat(RawSockets.head(idle.get(i).getInputStream())).as("connection %d, body never sent", i)
                        .startsWith(i % 2 == 0 ? "HTTP/1.1 401 " : "HTTP/1.1 403 ").contains("Connection: close");
            }
            String acl = "{\"address\": \"10.17.0.0/16\"}";
            Answer write = send("POST " + ACLS + " HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: " + TestServer.TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + acl.length()
                    + "\r\nConnection: close\r\n\r\n" + acl);
            assertThat(write.status()).as(write.text()).isEqualTo(200);
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    /**
     * The Host names nothing behind the edge (links come from the public URL), yet Jersey built its base URI from it
     * with java.net.URI, which takes fewer host names than HTTP does: a Host with an underscore (a Docker service
     * name such as my_server), a sub-delimiter, a leading hyphen or a dotted name that is no IPv4 address was a 500
     * instanceFault, with a stack trace logged twice for each request.
     */
    @ParameterizedTest
    @ValueSource(strings = {"my_server:8080", "a_b", "a=b", "a!b", "a'b", "a(b)", "-a", "a-", ".a", "a..b",
        "1.2.3.999", "%41", "0x7f.1"})
    void aHostThatJavaUriCannotTakeIsAnsweredAsAnyOtherAndNeverAServerError(String host) throws IOException {
        TestServer.resetDocumented();
        Answer versions = send("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        Answer list = send("GET /v1.0/1234/ha?limit=1 HTTP/1.1\r\nHost: " + host + "\r\nX-Auth-Token: "
                + TestServer.TOKEN + "\r\nConnection: close\r\n\r\n");
        Answer absolute = send("GET http://" + host + "/v1.0/1234/ha?limit=1 HTTP/1.1\r\nHost: " + host
                + "\r\nX-Auth-Token: " + TestServer.TOKEN + "\r\nConnection: close\r\n\r\n");
        Answer other = send("GET /v1.0/5678/ha HTTP/1.1\r\nHost: " + host + "\r\nX-Auth-Token: "
                + TestServer.TOKEN + "\r\nConnection: close\r\n\r\n");

        assertThat(versions.status()).as(versions.text()).isEqualTo(200);
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.body()).as(list.text()).contains("\"ha_instances\"").contains(TestServer.PUBLIC_URL);
        assertThat(absolute.status()).as(absolute.text()).isEqualTo(200);
        assertThat(other.status()).as(other.text()).isEqualTo(403);
    }

    /**
     * Jetty keeps a CONNECT's connection open whatever it says (it expects a tunnel), so a refused CONNECT that asked
     * for {@code Connection: close}, or came as HTTP/1.0, was answered and then left open until the idle timeout: a
     * client reading to the end of the answer waited 10 s. A CONNECT asks for a tunnel this server does not open: it
     * is a 400, and the connection closes after it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"CONNECT localhost:80 HTTP/1.1\r\nHost: localhost:80\r\nConnection: close\r\n\r\n",
        "CONNECT localhost:80 HTTP/1.0\r\n\r\n", "CONNECT localhost:80 HTTP/1.1\r\nHost: localhost:80\r\n\r\n"})
    void aConnectIsRefusedAndItsConnectionClosed(String request) throws IOException {
        Answer answer = sendWithin(request, 3_000);

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.header("Connection")).as(answer.text()).isEqualTo("close");
        assertThat(answer.body()).as(answer.text()).contains("\"badRequest\"").contains("CONNECT");
    }

    /**
     * An http URI names a host (RFC 9110, 4.2.1: a recipient "MUST reject it as invalid"), and a target never carries a
     * fragment (RFC 9112, 3.2): both were answered when the absolute-form target had no path (the fragment was lost
     * with the empty path Jetty makes '/'), or no host at all.
     */
    @ParameterizedTest
    @ValueSource(strings = {"http://localhost#x", "http://#x", "http://", "http:///v1.0/1234/ha",
        "http:/v1.0/1234/ha", "http:"})
    void anAbsoluteFormTargetWithoutAHostOrWithAFragmentIsABadRequest(String target) throws IOException {
        String host = target.startsWith("http://localhost") ? "localhost" : "";
        Answer answer = send("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nX-Auth-Token: " + TestServer.TOKEN
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.body()).as(answer.text()).contains("\"badRequest\"");
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
        return sendWithin(request, 10_000);
    }

    /** As {@link #send}, failing if the server has not closed within {@code millis} of the last byte it sent. */
    static Answer sendWithin(String request, int millis) throws IOException {
        try (Socket socket = RawSockets.connect(TestServer.server().baseUri().getHost(), TestServer.server().port())) {
            socket.setSoTimeout(millis);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = RawSockets.readToTheEnd(socket);
            int split = answer.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(answer.substring(9, 12)), answer, answer.substring(0, split),
                    answer.substring(split + 4));
        }
    }
}
