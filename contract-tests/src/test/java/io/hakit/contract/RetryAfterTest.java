package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an answer asks the gate to wait before it sends its request again. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void aRateLimitOrAnUnavailableServiceAsksInSecondsOrByDate() {
        assertThat(RetryAfter.askedBy(413, "18", NOW)).contains(Duration.ofSeconds(18));
        assertThat(RetryAfter.askedBy(503, " 120 ", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.askedBy(503, "Sat, 28 Nov 2026 12:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
    }

    /** No wait at all, or a date already past, still counts a second: an endless tight loop is not possible. */
    @Test
    void noWaitAtAllCountsAsTheShortest() {
        assertThat(RetryAfter.askedBy(413, "0", NOW)).contains(RetryAfter.SHORTEST);
        assertThat(RetryAfter.askedBy(503, "Sat, 28 Nov 2026 11:00:00 GMT", NOW)).contains(RetryAfter.SHORTEST);
    }

    @Test
    void otherStatusesAndUnreadableValuesAskForNothing() {
        assertThat(RetryAfter.askedBy(200, "18", NOW)).isEmpty();
        assertThat(RetryAfter.askedBy(429, "18", NOW)).isEmpty(); // not the API's: judged as an undocumented status
        assertThat(RetryAfter.askedBy(413, null, NOW)).isEmpty();
        assertThat(RetryAfter.askedBy(413, "soon", NOW)).isEmpty();
        assertThat(RetryAfter.askedBy(413, "-5", NOW)).isEmpty();
        assertThat(RetryAfter.askedBy(413, "99999999999", NOW)).isEmpty();
    }
}
