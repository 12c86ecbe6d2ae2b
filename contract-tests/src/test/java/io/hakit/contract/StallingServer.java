package io.hakit.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A target that sends an answer's head and the start of its body, then nothing more, holding the connection open:
 * the JDK client's timeout ends with the head, so only a bound on the whole answer gets past it. Requests whose
 * request line the predicate names are answered whole (GET / with the version list, say), so that the stall can be
 * put where the test wants it.
 */
final class StallingServer implements AutoCloseable {

    private static final String WHOLE = "{\"versions\": []}";

    private final ServerSocket server;
    private final Predicate<String> answeredWhole;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    StallingServer(Predicate<String> answeredWhole) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.answeredWhole = answeredWhole;
        Thread accepting = new Thread(this::accept, "stalling-server");
        accepting.setDaemon(true);
        accepting.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                held.add(socket);
                Thread answering = new Thread(() -> answer(socket), "stalling-server-answer");
                answering.setDaemon(true);
                answering.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String requestLine = head(in);
                if (requestLine == null) {
                    return;
                }
                if (answeredWhole.test(requestLine)) {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + WHOLE.length()
                            + "\r\n\r\n" + WHOLE).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    continue;
                }
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"ha_"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return; // held open, never finished: closed only by close()
            }
        } catch (IOException gone) {
            // the client gave up
        }
    }

    /** Reads a request's head (these requests have no body) and returns its first line; null at the end. */
    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                return head.substring(0, head.indexOf("\r\n"));
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
