package io.hakit.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polls with exponential back-off (0.1 s, growing by half, at most 5 s apart) until a bound. */
public final class PollingWaiter implements Waiter {

    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration LONGEST = Duration.ofSeconds(5);

    private final Duration bound;

    public PollingWaiter(Duration bound) {
        this.bound = bound;
    }

    @Override
    public void until(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(bound);
        Duration pause = FIRST;
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + bound.toSeconds() + " s for " + what);
            }
            sleep(pause);
            pause = pause.multipliedBy(3).dividedBy(2);
            if (pause.compareTo(LONGEST) > 0) {
                pause = LONGEST;
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
