package io.hakit.server.http;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests the server received, newest last, about {@link #CAPACITY} of them at most (the oldest are dropped).
 * Every request records itself, so recording takes no lock.
 */
public final class Journal {

    /**
     * The latest requests only (openapi/emulator.yaml says so): kept longer, entries outlived the young generation
     * under load and filled the old one with garbage, a full collection every few seconds (issue 12).
     */
    public static final int CAPACITY = 2_000;

    public record Entry(Instant at, String method, String path, String operation, String account, int status) {}

    private final ConcurrentLinkedDeque<Entry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    public void record(Entry entry) {
        entries.addLast(entry);
        if (size.incrementAndGet() > CAPACITY && entries.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public void clear() {
        entries.clear();
        size.set(0);
    }
}
