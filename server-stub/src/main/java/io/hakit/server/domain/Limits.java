package io.hakit.server.domain;

import java.util.List;

/**
 * An account's limits; null (or an empty list) means none. All are off by default: the documented 25 instances
 * allow only a dozen groups, which would get in the way of a test suite.
 */
public record Limits(Integer maxInstances, Integer maxVolumeGb, List<RateLimit> rates) {

    public static final Limits NONE = new Limits(null, null, List.of());

    /** What Rackspace documents: 25 instances, 1024 GB, and the backup rate limits. */
    public static final Limits DOCUMENTED = new Limits(25, 1024, List.of(new RateLimit("POST", "/backups", 100),
            new RateLimit("GET", "/backups", 100), new RateLimit("DELETE", "/backups/*", 20)));

    public Limits {
        rates = rates == null ? List.of() : List.copyOf(rates);
    }

    /** At most {@code perMinute} requests of {@code method} on paths matching {@code pathPattern} per minute. */
    public record RateLimit(String method, String pathPattern, int perMinute) {}
}
