package io.hakit.server.resources.views;

import io.hakit.server.domain.Datastore;
import io.hakit.server.domain.HaGroup;
import io.hakit.server.domain.HaState;
import io.hakit.server.domain.Page;
import java.util.List;
import java.util.Optional;

/** A page of an account's groups as the list shows them, copied out of the live domain under the world's lock. */
public record GroupPage(String accountId, int limit, List<Summary> groups, Optional<String> nextMarker) {

    /** What the list shows of a group, and, with the tenant, what an upgrade answers. */
    public record Summary(String id, String tenantId, String name, HaState state, Datastore datastore) {

        public static Summary of(HaGroup group) {
            return new Summary(group.id(), group.tenantId(), group.name(), group.state(), group.datastore());
        }
    }

    public static GroupPage of(String accountId, Page<HaGroup> page, int limit) {
        return new GroupPage(accountId, limit, page.items().stream().map(Summary::of).toList(), page.nextMarker());
    }
}
