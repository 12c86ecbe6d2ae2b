package io.hakit.server.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Faults armed through the control API: the next N requests of a named operation fail, or are slow. */
public final class InjectedFaults {

    /** {@code status} null means a delay only. */
    public record Fault(int id, String operation, Integer status, int count, Integer delayMs, Integer retryAfterSeconds,
            int remaining) {}

    private final AtomicInteger ids = new AtomicInteger();
    private final List<Fault> armed = new ArrayList<>();
    /** Read on every request without the monitor: most runs arm nothing. */
    private volatile boolean empty = true;

    public synchronized Fault arm(String operation, Integer status, int count, Integer delayMs, Integer retryAfterSeconds) {
        Fault fault = new Fault(ids.incrementAndGet(), operation, status, count, delayMs, retryAfterSeconds, count);
        armed.add(fault);
        empty = false;
        return fault;
    }

    /** Takes one use of the oldest fault armed for the operation. */
    public synchronized Optional<Fault> take(String operation) {
        for (Iterator<Fault> it = armed.iterator(); it.hasNext(); ) {
            Fault fault = it.next();
            if (fault.operation().equals(operation)) {
                int index = armed.indexOf(fault);
                if (fault.remaining() <= 1) {
                    it.remove();
                    empty = armed.isEmpty();
                } else {
                    armed.set(index, new Fault(fault.id(), fault.operation(), fault.status(), fault.count(),
                            fault.delayMs(), fault.retryAfterSeconds(), fault.remaining() - 1));
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    public synchronized List<Fault> armed() {
        return List.copyOf(armed);
    }

    public synchronized void clear() {
        armed.clear();
        empty = true;
    }

    /** The hot path's check. */
    public boolean isEmpty() {
        return empty;
    }
}
