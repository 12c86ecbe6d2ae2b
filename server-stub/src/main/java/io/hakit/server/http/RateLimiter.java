package io.hakit.server.http;

import io.hakit.server.domain.EmulatorClock;
import io.hakit.server.domain.Limits.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documented rate limits, per account and rule, over a sliding minute of the emulator's clock (so that tests
 * can move past a window instead of waiting for it).
 */
public final class RateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final EmulatorClock clock;
    private final Map<String, Deque<Instant>> windows = new HashMap<>();

    public RateLimiter(EmulatorClock clock) {
        this.clock = clock;
    }

    /** The seconds to wait when the request is over a limit; empty when it may pass (and is counted). */
    public synchronized Optional<Long> admit(String account, String method, String apiPath, List<RateLimit> rules) {
        Instant now = clock.now();
        for (RateLimit rule : rules) {
            if (!rule.method().equalsIgnoreCase(method) || !matches(rule.pathPattern(), apiPath)) {
                continue;
            }
            Deque<Instant> window = windows.computeIfAbsent(account + " " + rule, k -> new ArrayDeque<>());
            while (!window.isEmpty() && !window.peekFirst().plus(WINDOW).isAfter(now)) {
                window.removeFirst();
            }
            if (window.size() >= rule.perMinute()) {
                // Rounded up: a client that waits the whole seconds it is told is then inside the limit again (41.6 s
                // said as 41 had the gate, which waits as told, refused once more and told to wait 1 s).
                long waitNanos = Duration.between(now, window.peekFirst().plus(WINDOW)).toNanos();
                return Optional.of(Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000));
            }
            window.addLast(now);
        }
        return Optional.empty();
    }

    public synchronized void clear() {
        windows.clear();
    }

    /** {@code *} stands for one path segment. */
    static boolean matches(String pattern, String path) {
        String[] want = pattern.split("/");
        String[] have = path.split("/");
        if (want.length != have.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (!want[i].equals("*") && !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }
}
