package io.hakit.contract;

import java.io.PrintStream;
import java.time.Duration;

/**
 * How the gate waits when an answer asks it to come back later ({@link RetryAfter}): against another
 * implementation, on the wall clock; the kit's own suites move the reference server's clock instead.
 */
@FunctionalInterface
public interface Pause {

    /** Waits {@code wait}; {@code why} says what asked for it. */
    void pause(Duration wait, String why);

    /** Sleeps, saying first what it waits for (a run that waits a minute is not a hung gate). */
    static Pause sleeping(PrintStream progress) {
        return (wait, why) -> {
            progress.printf("    waiting %d s as asked: %s%n", wait.toSeconds(), why);
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting as asked: " + why, e);
            }
        };
    }
}
