package io.hakit.contract.edge;

import java.util.function.Supplier;

/**
 * How the state is read around a probe. Before it, a state that can be compared (null when it cannot: the group in
 * a transition, a read refused); after it, the state as it is, whatever it is: a group that was ACTIVE before a
 * refused probe and is in a transition after it was changed by what was refused.
 */
public record StateReads(Supplier<String> before, Supplier<String> after) {

    /** The same read before and after (a whole world that is compared as it is). */
    public static StateReads same(Supplier<String> read) {
        return new StateReads(read, read);
    }
}
