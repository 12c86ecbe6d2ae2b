package io.hakit.server.edge;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes the edge holds in memory for its clients, all connections together, within a bound: request bodies read and
 * not yet answered, or answers not yet sent. What would go past the bound is refused (a 503), never a heap filled by
 * clients that send or read slowly.
 */
final class MemoryBudget {

    private final long bound;
    private final AtomicLong held = new AtomicLong();

    MemoryBudget(long bound) {
        this.bound = bound;
    }

    /** Takes {@code bytes} from the budget if they fit in it; false, and nothing taken, if they do not. */
    boolean reserve(long bytes) {
        long now;
        do {
            now = held.get();
            if (now + bytes > bound) {
                return false;
            }
        } while (!held.compareAndSet(now, now + bytes));
        return true;
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    /** Bytes held now (for tests and diagnostics). */
    long held() {
        return held.get();
    }
}
