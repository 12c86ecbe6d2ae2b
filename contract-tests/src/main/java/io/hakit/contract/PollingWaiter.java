package io.hakit.contract;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Polls with exponential back-off (0.1 s, growing by half, at most 5 s apart) until a bound, saying every 10 s what
 * it still waits for (a slow service is not a hung gate).
 */
public final class PollingWaiter implements Waiter {

    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration LONGEST = Duration.ofSeconds(5);
    private static final Duration SAY_EVERY = Duration.ofSeconds(10);

    private final Duration bound;
    private final PrintStream progress;

    public PollingWaiter(Duration bound, PrintStream progress) {
        this.bound = bound;
        this.progress = progress;
    }

    public PollingWaiter(Duration bound) {
        this(bound, new PrintStream(PrintStream.nullOutputStream()));
    }

    @Override
    public void until(String what, BooleanSupplier condition) {
        Instant start = Instant.now();
        Instant deadline = start.plus(bound);
        Instant nextWord = start.plus(SAY_EVERY);
        Duration pause = FIRST;
        while (!condition.getAsBoolean()) {
            Instant now = Instant.now();
            if (now.isAfter(deadline)) {
                throw new AssertionError("waited " + bound.toSeconds() + " s for " + what
                        + " (a slower service needs a larger --waitSeconds)");
            }
            if (now.isAfter(nextWord)) {
                progress.printf("    still waiting for %s: %d s of at most %d s%n", what,
                        Duration.between(start, now).toSeconds(), bound.toSeconds());
                nextWord = now.plus(SAY_EVERY);
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
