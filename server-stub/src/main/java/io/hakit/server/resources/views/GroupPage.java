package io.hakit.server.resources.views;

import io.hakit.server.domain.HaGroup;
import io.hakit.server.domain.Page;
import java.util.List;
import java.util.Optional;

/** A page of an account's groups as the list shows them, copied out of the live domain under the world's lock. */
public record GroupPage(String accountId, int limit, List<GroupSummary> groups, Optional<String> nextMarker) {

    public static GroupPage of(String accountId, Page<HaGroup> page, int limit) {
        return new GroupPage(accountId, limit, page.items().stream().map(GroupSummary::of).toList(),
                page.nextMarker());
    }
}
