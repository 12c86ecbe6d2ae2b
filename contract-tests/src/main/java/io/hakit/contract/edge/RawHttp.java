package io.hakit.contract.edge;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte: what a client library would normalise (dot segments, escapes, header
 * folding, framing) goes out exactly as written, and the answer is read exactly as it comes, within a bound.
 */
public final class RawHttp {

    /** How the request's bytes are delivered. */
    public enum Delivery {
        /** All of it, then wait for the answer with the connection open. */
        WHOLE,
        /** All of it, then close the sending side (the server sees the end of the stream). */
        WHOLE_THEN_HALF_CLOSE,
        /** All of it, and the connection stays open without another byte: a stalled client. */
        STALL
    }

    private static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private RawHttp() {}

    /** Sends the bytes and reads one answer (after any 1xx), giving up after {@code bound}. */
    public static RawAnswer exchange(InetSocketAddress server, byte[] request, Delivery delivery, Duration bound) {
        return exchange(server, request, delivery, bound, false);
    }

    /**
     * As {@link #exchange(InetSocketAddress, byte[], Delivery, Duration)}, and, if asked, whether the server closes
     * the connection after its answer (which costs a short wait when it does not).
     */
    public static RawAnswer exchange(InetSocketAddress server, byte[] request, Delivery delivery, Duration bound,
            boolean checkClosed) {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        try (Socket socket = new Socket()) {
            try {
                socket.connect(server, (int) Math.min(bound.toMillis(), 5_000));
            } catch (IOException e) {
                return RawAnswer.none(RawAnswer.Outcome.UNREACHABLE, since(start), e.toString());
            }
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (delivery == Delivery.WHOLE_THEN_HALF_CLOSE) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // The server may answer and close before it has read everything (a refusal): read what it said.
            }
            return read(socket, isHead(request), checkClosed, start, deadline);
        } catch (IOException e) {
            return RawAnswer.none(RawAnswer.Outcome.CLOSED_WITHOUT_ANSWER, since(start), e.toString());
        }
    }

    private static RawAnswer read(Socket socket, boolean head, boolean checkClosed, long start, long deadline)
            throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        Deadline clock = new Deadline(socket, deadline);
        List<Integer> interim = new ArrayList<>();
        try {
            while (true) {
                String statusLine = clock.line(in);
                if (statusLine == null) {
                    return RawAnswer.none(RawAnswer.Outcome.CLOSED_WITHOUT_ANSWER, since(start), "");
                }
                String[] parts = statusLine.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[0-9]{3}")) {
                    return RawAnswer.none(RawAnswer.Outcome.GARBLED, since(start), statusLine);
                }
                int status = Integer.parseInt(parts[1]);
                Map<String, List<String>> headers = headers(in, clock);
                if (status >= 100 && status < 200 && status != 101) {
                    interim.add(status);
                    continue;
                }
                if (head) { // an answer to a HEAD ends at its head: what follows on the connection is content it carried
                    byte[] carried = carriedAfterHead(socket, in);
                    return new RawAnswer(RawAnswer.Outcome.ANSWERED, status, statusLine, headers, carried, interim,
                            carried.length == 0 && (!checkClosed || closedAfter(socket, in)), since(start));
                }
                byte[] body = status == 204 || status == 304 || status == 101 ? new byte[0] : body(in, clock, headers);
                boolean closed = checkClosed && closedAfter(socket, in);
                return new RawAnswer(RawAnswer.Outcome.ANSWERED, status, statusLine, headers, body, interim, closed, since(start));
            }
        } catch (SocketTimeoutException e) {
            return RawAnswer.none(RawAnswer.Outcome.NO_ANSWER_IN_TIME, since(start), "");
        } catch (EOFException e) {
            return RawAnswer.none(RawAnswer.Outcome.CLOSED_WITHOUT_ANSWER, since(start), "the answer was cut short");
        }
    }

    private static Map<String, List<String>> headers(InputStream in, Deadline clock) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String line;
        while ((line = clock.line(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        if (line == null) {
            throw new EOFException();
        }
        return headers;
    }

    private static byte[] body(InputStream in, Deadline clock, Map<String, List<String>> headers) throws IOException {
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = clock.line(in);
                if (size == null) {
                    throw new EOFException();
                }
                int length = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
                if (length == 0) {
                    while (!"".equals(clock.line(in))) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.write(clock.bytes(in, length));
                clock.line(in);
            }
        }
        List<String> length = headers.get("content-length");
        if (length != null) {
            return clock.bytes(in, Integer.parseInt(length.get(0)));
        }
        return clock.rest(in); // delimited by the end of the connection
    }

    /** Whether the server closed the connection after its answer (checked briefly: a keep-alive stays open). */
    private static boolean closedAfter(Socket socket, InputStream in) {
        try {
            socket.setSoTimeout(200);
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * The bytes that follow the head of an answer to a HEAD within a moment (none, on a server that keeps to RFC 9110,
     * 9.3.2): a keep-alive client would read them as the start of its next answer.
     */
    private static byte[] carriedAfterHead(Socket socket, InputStream in) {
        ByteArrayOutputStream carried = new ByteArrayOutputStream();
        try {
            socket.setSoTimeout(200);
            int b = in.read();
            while (b >= 0 && carried.size() < 64 * 1024) {
                carried.write(b);
                b = in.available() > 0 ? in.read() : -1;
            }
        } catch (IOException e) {
            // nothing more arrived in the moment (or the connection ended): what came is what it carried
        }
        return carried.toByteArray();
    }

    private static boolean isHead(byte[] request) {
        return request.length >= 5 && new String(request, 0, 5, StandardCharsets.ISO_8859_1).equals("HEAD ");
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Reads within an overall deadline, each blocking read bounded by what is left of it. */
    private static final class Deadline {
        private final Socket socket;
        private final long deadline;

        Deadline(Socket socket, long deadline) {
            this.socket = socket;
            this.deadline = deadline;
        }

        private int next(InputStream in) throws IOException {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            socket.setSoTimeout((int) Math.max(1, left));
            return in.read();
        }

        /** A line without its CRLF (or bare LF); null at the end of the stream before any byte. */
        String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = next(in)) >= 0) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
                }
                line.write(b);
                if (line.size() > 64 * 1024) {
                    throw new IOException("an answer line longer than 64 KB");
                }
            }
            if (line.size() > 0) {
                throw new EOFException();
            }
            return null;
        }

        byte[] bytes(InputStream in, int length) throws IOException {
            if (length > MAX_ANSWER_BYTES) {
                throw new IOException("an answer larger than " + MAX_ANSWER_BYTES + " bytes");
            }
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                int b = next(in);
                if (b < 0) {
                    throw new EOFException();
                }
                bytes[i] = (byte) b;
            }
            return bytes;
        }

        byte[] rest(InputStream in) throws IOException {
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            int b;
            while ((b = next(in)) >= 0 && rest.size() < MAX_ANSWER_BYTES) {
                rest.write(b);
            }
            return rest.toByteArray();
        }
    }
}
