package io.hakit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The seconds a fault asks its client to wait, as the Java clients' generated RetryAfter reads them: the fault's own
 * first, else Retry-After's whole seconds or HTTP-date, in any of the three forms a recipient must read (RFC 9110,
 * 5.6.7); the seconds until a date, 0 once it has passed.
 */
class RetryAfterTest {

    @Test
    void theFaultsOwnSecondsComeFirstThenTheHeaders() {
        assertThat(RetryAfter.seconds("30", "60")).isEqualTo(30L);
        assertThat(RetryAfter.seconds(null, " 60 ")).isEqualTo(60L);
        assertThat(RetryAfter.seconds(null, null)).isNull();
        assertThat(RetryAfter.seconds(null, "soon")).isNull();
    }

    @Test
    void everyFormOfHttpDateGivesTheSecondsUntilThen() {
        ZonedDateTime inTwoMinutes = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120);
        for (String pattern : new String[] {"EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'",
                "EEE MMM ppd HH:mm:ss yyyy"}) {
            String date = DateTimeFormatter.ofPattern(pattern, Locale.US).format(inTwoMinutes);
            assertThat(RetryAfter.seconds(null, date)).as(date).isBetween(100L, 120L);
        }
        assertThat(RetryAfter.seconds(null, "Sun, 06 Nov 1994 08:49:37 GMT")).isZero();
        assertThat(RetryAfter.seconds(null, "Sunday, 06-Nov-94 08:49:37 GMT")).isZero();
        assertThat(RetryAfter.seconds(null, "Sun Nov  6 08:49:37 1994")).isZero();
    }
}
