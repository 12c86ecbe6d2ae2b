package io.hakit.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The most time a run may take before its clean-up (--maxSeconds; none unless given): every wait is bounded by
 * --waitSeconds, but a service that never ends a transition made each scenario wait that long in turn (a group stuck
 * in BUILD: 38 waits, some 19 hours at the 1,800 s a real service needs) with no verdict meanwhile. Past the bound no
 * scenario or phase begins and no wait goes on (what it cuts short is not run, not failed); the run fails, with its
 * reports.
 */
public final class RunBound {

    private final String name;
    private volatile Instant end = Instant.MAX;
    private volatile Duration bound = Duration.ZERO;

    /** The run's own bound, --maxSeconds. */
    public RunBound() {
        this("--maxSeconds");
    }

    /** A bound of a part of the run, named as the reports say it ("--waitSeconds for its clean-up"). */
    public RunBound(String name) {
        this.name = name;
    }

    /** What a wait cut short by the bound throws: the step is not run (JUnit: aborted), not failed. */
    public static final class Passed extends org.opentest4j.TestAbortedException {
        Passed(String message) {
            super(message);
        }
    }

    /** The run begins now and may take {@code bound} (zero: no bound). */
    public void start(Duration bound) {
        this.bound = bound;
        this.end = bound.isZero() ? Instant.MAX : Instant.now().plus(bound);
    }

    public boolean passed() {
        return Instant.now().isAfter(end);
    }

    /** What a step not taken, or a wait cut short, says. */
    public String why() {
        return "the run passed its " + name + " (" + bound.toSeconds() + " s)";
    }

    /** The waiter, cut short once the run passes its bound (within one of its polls). */
    public Waiter bounding(Waiter waiter) {
        return (what, condition) -> {
            BooleanSupplier bounded = () -> {
                boolean holds = condition.getAsBoolean();
                if (!holds && passed()) {
                    throw new Passed(why() + " while waiting for " + what);
                }
                return holds;
            };
            waiter.until(what, bounded);
        };
    }
}
