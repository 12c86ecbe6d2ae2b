package io.hakit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.openapi.HaContract.DocumentedExchange;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * A HEAD is its GET without the content (RFC 9110, 9.3.2): the same status and header fields, the GET's
 * Content-Length, and not one byte of content. Each HEAD is sent on a connection its GET follows, so that a HEAD
 * answer that carried content, or a length that was not the GET's, shows as a second answer that does not parse or
 * differs. These answered 405 (or their error with Content-Length: 0) before, while the Swagger UI's pages answered
 * HEAD: a link checker or an uptime probe sending HEAD saw a reference page that did not exist.
 */
class HeadRequestsTest {

    private static final String TOKEN = "X-Auth-Token: " + TestServer.TOKEN + "\r\n";

    /** Every GET the HA document gives an example of, at its example's path, in the documented world. */
    static Stream<String> documentedReads() {
        return TestServer.CONTRACT.documentedExchanges().stream().filter(e -> e.method().equals("GET"))
                .map(DocumentedExchange::path).distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedReads")
    void everyDocumentedReadAnswersItsHeadAsItsGet(String path) throws IOException {
        TestServer.resetDocumented();
        TestServer.freeze();

        assertHeadIsGetWithoutContent(path, TOKEN, 200);
    }

    /** The pages for readers, the control API and the version document. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pagesAndControl")
    void pagesForReadersAndTheControlApiAnswerHead(String path) throws IOException {
        TestServer.freeze();

        assertHeadIsGetWithoutContent(path, "", 200);
    }

    static List<String> pagesAndControl() {
        return List.of("/", "/reference", "/openapi.yaml", "/_emulator/openapi.yaml", "/docs/", "/_emulator/durations");
    }

    /** A HEAD passes authentication and tenancy as its GET does, and is refused with the GET's Fault, head only. */
    @Test
    void refusalsOfAHeadAreTheGetsWithTheirLength() throws IOException {
        TestServer.resetDocumented();
        assertHeadIsGetWithoutContent(TestServer.ha(""), "", 401);
        assertHeadIsGetWithoutContent("/v1.0/" + TestServer.OTHER_ACCOUNT + "/ha", TOKEN, 403);
        assertHeadIsGetWithoutContent(TestServer.ha("/no-such-group"), TOKEN, 404);
        assertHeadIsGetWithoutContent(TestServer.ha("?limit=zero"), TOKEN, 400);
        assertHeadIsGetWithoutContent(TestServer.ha("/./x"), TOKEN, 400); // refused at the edge, before routing
    }

    /** On a path without a GET, a HEAD is a method the path does not have: 405 with Allow, head only. */
    @Test
    void aHeadOnAPathWithoutAGetIs405WithAllow() throws IOException {
        String path = TestServer.ha("/e7fdf90b-7140-4edb-b449-e093d55008fb/action");
        Exchange head = exchange("HEAD", path, TOKEN);

        assertThat(head.status()).as(head.head()).isEqualTo(405);
        assertThat(head.header("Allow")).as(head.head()).isEqualTo("POST");
        assertThat(head.nextAnswer()).as("the GET sent after the HEAD, read as the next answer").startsWith("HTTP/1.1 405");
    }

    private static void assertHeadIsGetWithoutContent(String path, String headers, int status) throws IOException {
        Exchange head = exchange("HEAD", path, headers);
        Exchange get = exchange("GET", path, headers);

        assertThat(head.status()).as(head.head()).isEqualTo(status);
        assertThat(get.status()).as(get.head()).isEqualTo(status);
        assertThat(head.header("Content-Type")).as(head.head()).isEqualTo(get.header("Content-Type"));
        assertThat(head.header("Content-Length")).as(head.head())
                .isEqualTo(String.valueOf(get.content().getBytes(StandardCharsets.ISO_8859_1).length))
                .isEqualTo(get.header("Content-Length"));
        if ("close".equals(head.header("Connection"))) { // a 400 closes: nothing may follow the head
            assertThat(head.nextAnswer()).as("after the head of an answer that closes").isEmpty();
        } else {
            assertThat(head.nextAnswer()).as("no content after the HEAD's head: the next bytes are the next answer")
                    .startsWith("HTTP/1.1 " + status);
        }
    }

    /**
     * Sends the request and then a GET of the same path on the same connection (which closes after it), and reads
     * both answers: the first ends at its head for a HEAD, at its Content-Length for anything else.
     */
    private static Exchange exchange(String method, String path, String headers) throws IOException {
        String first = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n";
        String then = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n";
        try (Socket socket = RawSockets.connect(TestServer.server().baseUri().getHost(), TestServer.server().port())) {
            socket.getOutputStream().write((first + then).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1); // a char a byte
            int headEnd = all.indexOf("\r\n\r\n") + 4;
            String head = all.substring(0, headEnd);
            int length = method.equals("HEAD") ? 0 : Integer.parseInt(header(head, "Content-Length"));
            return new Exchange(Integer.parseInt(all.substring(9, 12)), head,
                    all.substring(headEnd, headEnd + length), all.substring(headEnd + length), all);
        }
    }

    record Exchange(int status, String head, String content, String nextAnswer, String text) {
        String header(String name) {
            return HeadRequestsTest.header(head, name);
        }
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }
}
