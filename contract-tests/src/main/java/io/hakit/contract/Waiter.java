package io.hakit.contract;

import java.util.function.BooleanSupplier;

/**
 * How a scenario waits for a transition, the one way it may: against the reference server the kit moves its clock;
 * against anything else the gate polls with back-off, up to a bound.
 */
public interface Waiter {

    /** Returns once {@code condition} holds; fails with {@code what} once the bound is passed. */
    void until(String what, BooleanSupplier condition);
}
