package io.hakit.server.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock behind every transition and limit window: real time plus an offset, or frozen. Tests move it
 * forward instead of sleeping. Every request reads it, so reading takes no lock.
 */
public final class EmulatorClock {

    /** {@code frozenAt} null means running: real time plus {@code offset}. */
    private record State(Duration offset, Instant frozenAt) {}

    private final Clock system;
    private final AtomicReference<State> state = new AtomicReference<>(new State(Duration.ZERO, null));

    public EmulatorClock(Clock system) {
        this.system = system;
    }

    public Instant now() {
        State s = state.get();
        return s.frozenAt() != null ? s.frozenAt() : system.instant().plus(s.offset());
    }

    public void advance(Duration by) {
        state.updateAndGet(s -> s.frozenAt() != null ? new State(s.offset(), s.frozenAt().plus(by))
                : new State(s.offset().plus(by), null));
    }

    public void freeze() {
        state.updateAndGet(s -> s.frozenAt() != null ? s : new State(s.offset(), system.instant().plus(s.offset())));
    }

    /** Real time resumes from the frozen instant. */
    public void unfreeze() {
        state.updateAndGet(s -> s.frozenAt() == null ? s : new State(Duration.between(system.instant(), s.frozenAt()), null));
    }

    public boolean frozen() {
        return state.get().frozenAt() != null;
    }

    public Duration offset() {
        State s = state.get();
        return s.frozenAt() != null ? Duration.between(system.instant(), s.frozenAt()) : s.offset();
    }

    public void reset() {
        state.set(new State(Duration.ZERO, null));
    }
}
