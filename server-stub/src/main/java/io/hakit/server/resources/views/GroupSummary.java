package io.hakit.server.resources.views;

import io.hakit.server.domain.Datastore;
import io.hakit.server.domain.HaGroup;
import io.hakit.server.domain.HaState;

/**
 * What the list shows of a group, and, with the tenant, what an upgrade answers; copied out of the live domain under
 * the world's lock.
 */
public record GroupSummary(String id, String tenantId, String name, HaState state, Datastore datastore) {

    public static GroupSummary of(HaGroup group) {
        return new GroupSummary(group.id(), group.tenantId(), group.name(), group.state(), group.datastore());
    }
}
