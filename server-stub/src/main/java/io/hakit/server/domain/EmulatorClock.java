package io.hakit.server.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one clock behind every transition and limit window: real time plus an offset, or frozen. Tests move it
 * forward instead of sleeping.
 */
public final class EmulatorClock {

    private final Clock system;
    private Duration offset = Duration.ZERO;
    private Instant frozenAt;

    public EmulatorClock(Clock system) {
        this.system = system;
    }

    public synchronized Instant now() {
        return frozenAt != null ? frozenAt : system.instant().plus(offset);
    }

    public synchronized void advance(Duration by) {
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    public synchronized void freeze() {
        if (frozenAt == null) {
            frozenAt = now();
        }
    }

    /** Real time resumes from the frozen instant. */
    public synchronized void unfreeze() {
        if (frozenAt != null) {
            offset = Duration.between(system.instant(), frozenAt);
            frozenAt = null;
        }
    }

    public synchronized boolean frozen() {
        return frozenAt != null;
    }

    public synchronized Duration offset() {
        return frozenAt != null ? Duration.between(system.instant(), frozenAt) : offset;
    }

    public synchronized void reset() {
        offset = Duration.ZERO;
        frozenAt = null;
    }
}
