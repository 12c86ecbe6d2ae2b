package io.hakit.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A client on a raw socket, for the edge's tests: it sends exactly what it is given and reads exactly what arrives,
 * as a client library would not. Every read is bounded by the socket's timeout (10 s).
 */
public final class RawSockets {

    private RawSockets() {}

    public static Socket connect(String host, int port) throws IOException {
        Socket socket = new Socket(host, port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    public static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** An answer's status line and headers, up to the blank line (or what came before the connection closed). */
    public static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
            head.append((char) b);
        }
        return head.toString();
    }

    /** Everything the server sends until it closes the connection. */
    public static String readToTheEnd(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
