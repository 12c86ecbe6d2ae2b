package io.hakit.server.http;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The requests the server received, newest last, at most {@link #CAPACITY} of them. */
public final class Journal {

    public static final int CAPACITY = 10_000;

    public record Entry(Instant at, String method, String path, String operation, String account, int status) {}

    private final Deque<Entry> entries = new ArrayDeque<>();

    public synchronized void record(Entry entry) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
