package io.hakit.server.domain;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** How long each transition takes. The default is short (a second) so that a portable suite that polls is quick. */
public final class Durations {

    public enum Kind { BUILD, ADD_REPLICA, REMOVE_REPLICA, RESIZE_VOLUME, RESIZE_FLAVOR, RESTART, UPGRADE, BACKUP, DELETE, CONVERT }

    public enum Profile { IMMEDIATE, SHORT, DOCUMENTED }

    private final Map<Kind, Duration> durations = new EnumMap<>(Kind.class);

    public Durations(Profile profile) {
        apply(profile);
    }

    public synchronized void apply(Profile profile) {
        for (Kind kind : Kind.values()) {
            durations.put(kind, switch (profile) {
                case IMMEDIATE -> Duration.ZERO;
                case SHORT -> Duration.ofSeconds(1);
                case DOCUMENTED -> documented(kind);
            });
        }
    }

    /** The real service's timings, as Rackspace describes them (a build takes 5 to 10 minutes). */
    private static Duration documented(Kind kind) {
        return switch (kind) {
            case BUILD, CONVERT -> Duration.ofMinutes(7);
            case ADD_REPLICA -> Duration.ofMinutes(5);
            case REMOVE_REPLICA -> Duration.ofMinutes(2);
            case RESIZE_VOLUME -> Duration.ofMinutes(3);
            case RESIZE_FLAVOR -> Duration.ofMinutes(10);
            case RESTART -> Duration.ofMinutes(1);
            case UPGRADE -> Duration.ofMinutes(15);
            case BACKUP -> Duration.ofMinutes(5);
            case DELETE -> Duration.ofMinutes(1);
        };
    }

    /** A profile (if any), then the given durations over it, in one step: no reader sees half of it. */
    public synchronized void apply(Profile profile, Map<Kind, Duration> overrides) {
        if (profile != null) {
            apply(profile);
        }
        durations.putAll(overrides);
    }

    public synchronized Duration of(Kind kind) {
        return durations.get(kind);
    }

    public synchronized Map<Kind, Duration> all() {
        return new EnumMap<>(durations);
    }
}
