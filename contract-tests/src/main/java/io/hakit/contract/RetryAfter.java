package io.hakit.contract;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * An answer that asks for its request to be sent again later: the API's rate limit (413 with Retry-After and the
 * overLimit body's {@code retryAfter}, ha-beyond-seed.md) or a 503 with Retry-After (RFC 9110, 10.2.3). An
 * implementation that enforces its documented limits is not failed for them: the gate waits as asked and sends the
 * request again, as long as the run's waits stay within {@code --retryAfterSeconds}, and judges it on its last answer.
 */
public final class RetryAfter {

    /**
     * Counted for a wait of less (0 s, or a date already past): an implementation that always asks for no wait at
     * all still runs out of the bound, and the gate does not send the same request in a tight loop.
     */
    static final Duration SHORTEST = Duration.ofSeconds(1);

    private RetryAfter() {}

    /**
     * The wait the answer asks for, never less than {@link #SHORTEST}; empty for any other status, no Retry-After,
     * or a value that is neither delay-seconds nor an HTTP-date (an answer that asks for nothing one can read is
     * judged as it is).
     */
    public static Optional<Duration> askedBy(int status, String header, Instant now) {
        if (status != 413 && status != 503 || header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.matches("[0-9]{1,9}")) {
            return Optional.of(atLeastShortest(Duration.ofSeconds(Long.parseLong(value))));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(atLeastShortest(Duration.between(now, at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration atLeastShortest(Duration wait) {
        return wait.compareTo(SHORTEST) < 0 ? SHORTEST : wait;
    }
}
