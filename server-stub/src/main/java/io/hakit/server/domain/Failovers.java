package io.hakit.server.domain;

import io.hakit.server.store.AccountData;
import java.util.Map;

/**
 * A simulated MHA failover: the source is lost and removed, the first replica becomes the source, and a replacement
 * replica is built (the group shows ADDING_REPLICA, then ACTIVE), as the real service recovers.
 */
public final class Failovers {

    public record Result(String haId, String lostSourceId, String promotedId, String replacementId) {}

    private final World world;
    private final HaGroups groups;

    public Failovers(World world, HaGroups groups) {
        this.world = world;
        this.groups = groups;
    }

    public Result failOver(String accountId, String haId) {
        return world.locked(() -> {
            AccountData account = world.account(accountId);
            HaGroup group = GroupRules.group(account, haId);
            GroupRules.requireState(group, "fail over", HaState.ACTIVE);
            DbInstance lost = account.instances().remove(group.sourceId());
            String promotedId = group.replicaIds().remove(0);
            DbInstance promoted = account.instances().get(promotedId);
            promoted.replicaOf(null);
            group.sourceId(promotedId);
            group.replicaIds().forEach(id -> account.instances().get(id).replicaOf(promotedId));
            DbInstance replacement = groups.newMember(account, group,
                    new MemberSpec(lost.name(), promoted.flavorId(), promoted.volumeSize()), group.datastore());
            replacement.replicaOf(promotedId);
            group.replicaIds().add(replacement.id());
            world.startChange(group, HaState.ADDING_REPLICA, Durations.Kind.ADD_REPLICA,
                    Map.of("replicaId", replacement.id()));
            return new Result(haId, lost.id(), promotedId, replacement.id());
        });
    }
}
