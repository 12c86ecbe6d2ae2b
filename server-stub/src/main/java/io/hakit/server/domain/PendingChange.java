package io.hakit.server.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A change that completes when the clock reaches {@code dueAt}: what an asynchronous operation leaves behind. Kept as
 * data on the group or backup it belongs to, so that a dumped world carries its transitions with it.
 *
 * @param kind what completes (see {@link Transitions})
 * @param params what the completion needs (a new size, a replica id, ...)
 */
public record PendingChange(String kind, Instant dueAt, Map<String, String> params) {

    public PendingChange {
        params = Map.copyOf(params);
    }

    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalStateException(kind + " lacks " + name);
        }
        return value;
    }
}
