package io.hakit.server.hardening;

import static io.hakit.server.RawSockets.readToTheEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.server.RawSockets;
import io.hakit.server.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client still sending a body the server answers without reading (too large, or refused before it) gets that answer,
 * not a reset: the server answers at once, says it will close, reads and discards the rest, and closes after it. The
 * body is larger than loopback's socket buffers can hold, so that the client is still writing when the answer leaves
 * (with a plain close, every one of these sees "Broken pipe" or "Connection reset"). Raw sockets, every read bounded.
 */
class RefusedBodiesTest {

    private static final String HA_1 = "/v1.0/1234/ha/e7fdf90b-7140-4edb-b449-e093d55008fb";
    private static final int BODY_BYTES = 8 * 1024 * 1024;
    private static final int PIECE_BYTES = 64 * 1024;

    static Stream<Arguments> refusals() {
        String token = "X-Auth-Token: " + TestServer.TOKEN + "\r\n";
        String json = "Content-Type: application/json\r\n";
        String length = "Content-Length: " + BODY_BYTES + "\r\n";
        String chunked = "Transfer-Encoding: chunked\r\n";
        return Stream.of(
                Arguments.of("over the limit, by its length", "POST " + HA_1 + "/acls", token + json + length, false, 413),
                Arguments.of("over the limit, in chunks", "POST " + HA_1 + "/acls", token + json + chunked, true, 413),
                Arguments.of("without a token", "POST " + HA_1 + "/acls", json + length, false, 401),
                Arguments.of("to an ambiguous path", "POST /v1.0/1234//ha", token + json + length, false, 400),
                Arguments.of("to a path with a parameter", "POST " + HA_1 + ";x/acls", token + json + length, false, 400),
                Arguments.of("in an unsupported coding", "POST " + HA_1 + "/acls",
                        token + json + "Transfer-Encoding: gzip, chunked\r\n", true, 400));
    }

    @ParameterizedTest(name = "a body {0}")
    @MethodSource("refusals")
    void theClientReadsTheAnswerWhileItIsStillSending(String what, String requestLine, String headers, boolean inChunks,
            int status) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
            boolean answeredWhileSending = false;
            byte[] piece = new byte[PIECE_BYTES];
            Arrays.fill(piece, (byte) '1');
            for (int sent = 0; sent < BODY_BYTES; sent += PIECE_BYTES) {
                if (inChunks) {
                    out.write((Integer.toHexString(PIECE_BYTES) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(piece); // a reset here is the defect
                if (inChunks) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                answeredWhileSending |= in.available() > 0;
            }
            if (inChunks) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();

            String answer = readToTheEnd(socket); // ends: the server closed after it
            assertThat(answer).startsWith("HTTP/1.1 " + status + " ").containsIgnoringCase("\r\nConnection: close\r\n");
            assertThat(answeredWhileSending).as("the answer left before the body was all sent").isTrue();
        }
    }

    /** Reading and discarding is bounded: past 16 MB the server stops reading and the connection is aborted. */
    @Test
    void aBodyFarPastTheLimitIsNotReadToItsEnd() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            long bytes = 256L * 1024 * 1024;
            out.write(("POST " + HA_1 + "/acls HTTP/1.1\r\nHost: x\r\nX-Auth-Token: " + TestServer.TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] piece = new byte[PIECE_BYTES];
            assertThatThrownBy(() -> {
                for (long sent = 0; sent < bytes; sent += PIECE_BYTES) {
                    out.write(piece);
                }
            }).isInstanceOf(IOException.class);
        }
    }

    private static Socket connect() throws IOException {
        return RawSockets.connect(TestServer.server().baseUri().getHost(), TestServer.server().port());
    }
}
