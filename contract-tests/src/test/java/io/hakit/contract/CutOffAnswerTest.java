package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.contract.api.ContractViolation;
import io.hakit.contract.api.RestHaApi;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An answer cut off mid-body (Content-Length 100, 20 bytes, the connection closed) is a named failure of the
 * operation, not an exception that ends the gate's run before it writes any report.
 */
class CutOffAnswerTest {

    @Test
    void anAnswerCutOffMidBodyIsAFailureOfItsOperation() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().read(new byte[8192]);
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                            + "{\"ha_instances\": [").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (java.io.IOException e) {
                    // the test fails on what the gate saw
                }
            });
            serving.setDaemon(true);
            serving.start();
            ScenarioClient client = ScenarioClient.at(server.getLocalPort(), "--requestTimeoutSeconds=5");

            assertThatThrownBy(client.api()::listGroups).isInstanceOf(ContractViolation.class);
            assertThat(client.conformance().failuresOf("listHaInstances")).singleElement().satisfies(failure -> {
                assertThat(failure.check()).isEqualTo("answer_complete");
                assertThat(failure.message()).contains("closed before the end").contains("Premature end");
            });
        }
    }
}
