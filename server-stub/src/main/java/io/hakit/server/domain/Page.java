package io.hakit.server.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One page of a list, ordered by id: at most {@code limit} items after the marker, and the marker of the next page
 * when more follow. Starting after a marker is a tree lookup, so a page costs the same with 10 or 10,000 items.
 */
public record Page<T>(List<T> items, Optional<String> nextMarker) {

    public static final int DEFAULT_LIMIT = 20;

    public static <T> Page<T> of(NavigableMap<String, T> byId, String marker, Integer limit, Predicate<T> filter) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        NavigableMap<String, T> after = marker == null ? byId : byId.tailMap(marker, false);
        List<T> items = new ArrayList<>(Math.min(size, 100));
        String last = null;
        Iterator<java.util.Map.Entry<String, T>> entries = after.entrySet().iterator();
        while (entries.hasNext() && items.size() < size) {
            var entry = entries.next();
            if (filter.test(entry.getValue())) {
                items.add(entry.getValue());
                last = entry.getKey();
            }
        }
        boolean more = false;
        while (entries.hasNext() && !more) {
            more = filter.test(entries.next().getValue());
        }
        return new Page<>(List.copyOf(items), more ? Optional.of(last) : Optional.empty());
    }

    public static <T> Page<T> of(NavigableMap<String, T> byId, String marker, Integer limit) {
        return of(byId, marker, limit, item -> true);
    }
}
