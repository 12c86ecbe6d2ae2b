package io.hakit.server.domain;

import java.util.List;

/**
 * An account's limits; null (or an empty list) means none. All are off by default: the documented 25 instances
 * allow only a dozen groups, which would get in the way of a test suite.
 */
public record Limits(Integer maxInstances, Integer maxVolumeGb, List<RateLimit> rates) {

    public static final Limits NONE = new Limits(null, null, List.of());

    public Limits {
        rates = rates == null ? List.of() : List.copyOf(rates);
    }

    /** At most {@code perMinute} requests of {@code method} on paths matching {@code pathPattern} per minute. */
    public record RateLimit(String method, String pathPattern, int perMinute) {}
}
