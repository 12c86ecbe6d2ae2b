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
            byte[] first = readHead(in);
            String rewritten = head.apply(new String(first, StandardCharsets.ISO_8859_1));
            server.getOutputStream().write(rewritten.getBytes(StandardCharsets.ISO_8859_1));
            var back = threads.submit(() -> copy(server.getInputStream(), client.getOutputStream(), client));
            copy(in, server.getOutputStream(), server);
            back.get();
        } catch (Exception e) {
            // a broken connection ends the relay, as it would end the real one
        }
        return null;
    }

    /** The bytes up to the end of the first request's headers (or whatever came before the client stopped). */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            boolean end = n >= 2 && bytes[n - 2] == '\n' && bytes[n - 1] == '\n'
                    || n >= 3 && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n'
                    || n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
            if (end || n > 64 * 1024) {
                break;
            }
        }
        return head.toByteArray();
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
