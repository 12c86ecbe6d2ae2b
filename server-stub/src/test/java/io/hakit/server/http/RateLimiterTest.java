package io.hakit.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.server.domain.EmulatorClock;
import io.hakit.server.domain.Limits.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rate limits' windows, on the emulator's clock, and the wait each refusal names. */
class RateLimiterTest {

    private static final List<RateLimit> TWO_A_MINUTE = List.of(new RateLimit("POST", "/ha/*/acls", 2));

    private final EmulatorClock clock = new EmulatorClock(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));
    private final RateLimiter limiter = new RateLimiter(clock);

    /** A client that waits the seconds it is told, and no more, is let through: the wait is rounded up, never down. */
    @Test
    void waitingTheSecondsARefusalNamesIsEnough() {
        assertThat(admit()).isEmpty();
        clock.advance(Duration.ofMillis(400));
        assertThat(admit()).isEmpty();
        clock.advance(Duration.ofMillis(18_200)); // 59.6 s of the first request's minute are left
        long told = admit().orElseThrow();
        assertThat(told).isEqualTo(42); // 41.4 s left, said as 42: 41 would be too early
        clock.advance(Duration.ofSeconds(told));
        assertThat(admit()).as("after the %d s it was told", told).isEmpty();
    }

    @Test
    void otherMethodsAndPathsAreNotCounted() {
        assertThat(admit()).isEmpty();
        assertThat(admit()).isEmpty();
        assertThat(admit()).isPresent();
        assertThat(limiter.admit("1234", "GET", "/ha/x/acls", TWO_A_MINUTE)).isEmpty();
        assertThat(limiter.admit("1234", "POST", "/ha/x/action", TWO_A_MINUTE)).isEmpty();
        assertThat(limiter.admit("5678", "POST", "/ha/x/acls", TWO_A_MINUTE)).as("another account").isEmpty();
    }

    private java.util.Optional<Long> admit() {
        return limiter.admit("1234", "POST", "/ha/x/acls", TWO_A_MINUTE);
    }
}
