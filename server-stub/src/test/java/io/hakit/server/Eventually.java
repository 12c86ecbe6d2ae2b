package io.hakit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition against a server that is not the reference server's clock: polls with back-off from 1 ms (at
 * most 50 ms apart), for at most 10 s, and fails saying what it waited for. (The gate's {@code PollingWaiter} starts
 * at 100 ms, too coarse for a test that must see a condition within a second.)
 */
public final class Eventually {

    private Eventually() {}

    public static void holds(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (long pause = 1; !condition.getAsBoolean(); pause = Math.min(2 * pause, 50)) {
            assertThat(System.nanoTime()).as(what + ", within 10 s").isLessThan(deadline);
            Thread.sleep(pause);
        }
    }
}
