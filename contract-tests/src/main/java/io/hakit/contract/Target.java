package io.hakit.contract;

import io.hakit.contract.api.HaApi;
import io.hakit.openapi.HaContract;

/**
 * The implementation the scenarios run against, how to talk to it and how to wait for it (for a transition, and
 * when an answer asks for its request again later), what the gate has found and what it must clean up. Set before
 * the scenarios run (by the gate, or by the kit's own suites), read by each scenario.
 */
public record Target(GateConfig config, HaApi api, Waiter waiter, Conformance conformance, HaContract contract,
        Pause pause, Cleanup cleanup, java.util.concurrent.atomic.AtomicInteger names, RunBound bound) {

    private static volatile Target current;

    /** With the run's own counter of names: a counter of the JVM's named a second run's groups differently. */
    public Target(GateConfig config, HaApi api, Waiter waiter, Conformance conformance, HaContract contract,
            Pause pause) {
        this(config, api, waiter, conformance, contract, pause, new Cleanup(),
                new java.util.concurrent.atomic.AtomicInteger(), new RunBound());
    }

    /** The same target, its waits cut short once the run passes its bound. */
    public Target bounded() {
        return new Target(config, api, bound.bounding(waiter), conformance, contract, pause, cleanup, names, bound);
    }

    public static void use(Target target) {
        current = target;
    }

    public static Target current() {
        Target target = current;
        if (target == null) {
            throw new IllegalStateException("no target: run the scenarios through GateMain or a kit suite");
        }
        return target;
    }
}
