package io.hakit.contract.edge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What came back on the socket, as sent: the final status line, headers (names lower-cased) and body, whether the
 * server closed the connection after it, and how long it took.
 *
 * @param outcome whether an answer came at all
 * @param interim the statuses of interim (1xx) answers before the final one
 */
public record RawAnswer(Outcome outcome, int status, String statusLine, Map<String, List<String>> headers, byte[] body,
        List<Integer> interim, boolean closed, Duration took) {

    public enum Outcome {
        /** A whole answer arrived. */
        ANSWERED,
        /** No connection could be made (nothing listens, or the connection was refused). */
        UNREACHABLE,
        /** The server closed the connection without answering. */
        CLOSED_WITHOUT_ANSWER,
        /** Nothing complete arrived before the bound. */
        NO_ANSWER_IN_TIME,
        /** Bytes came that are not an HTTP/1.x answer. */
        GARBLED
    }

    public static RawAnswer none(Outcome outcome, Duration took, String detail) {
        return new RawAnswer(outcome, 0, detail, Map.of(), new byte[0], List.of(), true, took);
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** One line for a report: the status line, or what happened instead. */
    public String summary() {
        return outcome == Outcome.ANSWERED ? statusLine + " " + truncate(bodyText(), 300) : outcome + " " + statusLine;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
