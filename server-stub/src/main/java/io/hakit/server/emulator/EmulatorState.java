package io.hakit.server.emulator;

import io.hakit.server.domain.Durations;
import io.hakit.server.domain.World;
import io.hakit.server.http.InjectedFaults;
import io.hakit.server.http.Journal;
import io.hakit.server.http.RateLimiter;
import io.hakit.server.resources.AclEncoding;

/** What the control API steers beside the world: faults, the journal, rate-limit windows, the default durations, the ACL encoding mode. */
public record EmulatorState(
        World world, InjectedFaults faults, Journal journal, RateLimiter rateLimiter, Durations.Profile defaultDurations,
        AclEncoding aclEncoding) {

    /** Everything but the journal back to how the server started. */
    public void resetAll() {
        world.clock().reset();
        world.durations().apply(defaultDurations);
        faults.clear();
        rateLimiter.clear();
        aclEncoding.strict(false);
    }
}
