package io.hakit.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * A byte-level proxy in front of the reference server: forwards each connection's bytes as they are, but may
 * rewrite the head of the first request (what an implementation with a broken edge would do to it). A faithful one
 * changes nothing, so that raw-socket probes through it meet the reference server's own edge.
 */
final class RawProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    private RawProxy(URI upstream, UnaryOperator<String> head) throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        threads.submit(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    threads.submit(() -> relay(client, upstream, head));
                } catch (IOException closed) {
                    return null;
                }
            }
            return null;
        });
    }

    static RawProxy in(URI upstream, UnaryOperator<String> head) {
        try {
            return new RawProxy(upstream, head);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    private Void relay(Socket client, URI upstream, UnaryOperator<String> head) {
        try (client; Socket server = new Socket(upstream.getHost(), upstream.getPort())) {
            InputStream in = client.getInputStream();
            byte[][] headAndRest = readHead(in);
            String rewritten = head.apply(new String(headAndRest[0], StandardCharsets.ISO_8859_1));
            OutputStream out = server.getOutputStream();
            out.write(rewritten.getBytes(StandardCharsets.ISO_8859_1));
            out.write(headAndRest[1]);
            out.flush();
            var back = threads.submit(() -> copy(server.getInputStream(), client.getOutputStream(), client));
            copy(in, out, server);
            back.get();
        } catch (Exception e) {
            // a broken connection ends the relay, as it would end the real one
        }
        return null;
    }

    /**
     * The first request's head (up to its empty line, CRLF or bare LF) and whatever came after it in the same reads;
     * everything read if the client stopped before a head was complete.
     */
    private static byte[][] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            read.write(buffer, 0, n);
            byte[] bytes = read.toByteArray();
            int end = headEnd(bytes);
            if (end >= 0) {
                return new byte[][] {java.util.Arrays.copyOf(bytes, end), java.util.Arrays.copyOfRange(bytes, end, bytes.length)};
            }
            if (bytes.length > 64 * 1024) {
                break;
            }
        }
        return new byte[][] {read.toByteArray(), new byte[0]};
    }

    /** Where the head ends (just after its empty line), or -1. */
    private static int headEnd(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                return i + 2;
            }
            if (bytes[i] == '\n' && bytes[i + 1] == '\r' && i + 2 < bytes.length && bytes[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    private static Void copy(InputStream from, OutputStream to, Socket toSocket) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
            toSocket.shutdownOutput();
        } catch (IOException e) {
            // the other side closed
        }
        return null;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
