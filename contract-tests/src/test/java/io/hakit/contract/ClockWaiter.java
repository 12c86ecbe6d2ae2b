package io.hakit.contract;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.BooleanSupplier;

/**
 * Waits on the reference server by moving its clock a second at a time (control API): no sleeping, and a bound
 * of two minutes of emulated time.
 */
final class ClockWaiter implements Waiter {

    private static final int MAX_SECONDS = 120;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI advance;

    ClockWaiter(URI server) {
        this.advance = server.resolve("/_emulator/clock/advance");
    }

    @Override
    public void until(String what, BooleanSupplier condition) {
        for (int second = 0; !condition.getAsBoolean(); second++) {
            if (second == MAX_SECONDS) {
                throw new AssertionError("moved the clock " + MAX_SECONDS + " s waiting for " + what);
            }
            try {
                http.send(HttpRequest.newBuilder(advance).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\": 1}")).build(), HttpResponse.BodyHandlers.discarding());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
