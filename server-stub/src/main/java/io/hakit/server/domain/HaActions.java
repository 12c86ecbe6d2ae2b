package io.hakit.server.domain;

import io.hakit.server.store.AccountData;
import java.util.Map;

/** The actions of the HA /action endpoint. Each leaves the group in a transient state until it completes. */
public final class HaActions {

    private final World world;
    private final HaGroups groups;

    public HaActions(World world, HaGroups groups) {
        this.world = world;
        this.groups = groups;
    }

    /** A replica with the group's own flavor and volume size. */
    public void addReplica(String accountId, String haId, MemberSpec spec) {
        world.locked(() -> {
            AccountData account = world.account(accountId);
            HaGroup group = GroupRules.group(account, haId);
            GroupRules.requireState(group, "add a replica", HaState.ACTIVE);
            GroupRules.requireVolume(spec.volumeSize());
            GroupRules.haFlavor(world.catalog(), spec.flavorRef());
            DbInstance source = account.instances().get(group.sourceId());
            if (!spec.flavorRef().equals(source.flavorId()) || spec.volumeSize() != source.volumeSize()) {
                throw DomainException.unprocessable("A new replica must have the group's flavor ("
                        + source.flavorId() + ") and volume size (" + source.volumeSize() + " GB).");
            }
            if (group.replicaIds().size() >= GroupRules.MAX_REPLICAS) {
                throw DomainException.unprocessable("HA instance " + haId + " already has "
                        + GroupRules.MAX_REPLICAS + " replicas, the most a group can have.");
            }
            GroupRules.requireRoom(account, 1, spec.volumeSize());
            DbInstance replica = groups.newMember(account, group, spec, group.datastore());
            replica.replicaOf(group.sourceId());
            group.replicaIds().add(replica.id());
            world.startChange(group, HaState.ADDING_REPLICA, Durations.Kind.ADD_REPLICA, Map.of("replicaId", replica.id()));
        });
    }

    public void removeReplica(String accountId, String haId, String replicaId) {
        world.locked(() -> {
            AccountData account = world.account(accountId);
            HaGroup group = GroupRules.group(account, haId);
            GroupRules.requireState(group, "remove a replica", HaState.ACTIVE);
            if (!group.replicaIds().contains(replicaId)) {
                throw DomainException.notFound("Replica", replicaId, "HA instance " + haId);
            }
            if (group.replicaIds().size() <= GroupRules.MIN_REPLICAS) {
                throw DomainException.unprocessable("HA instance " + haId + " has one replica; a group keeps at least one.");
            }
            account.instances().get(replicaId).status("DETACH_REPLICA");
            world.startChange(group, HaState.REMOVING_REPLICA, Durations.Kind.REMOVE_REPLICA, Map.of("replicaId", replicaId));
        });
    }

    /** Only growing is allowed. */
    public void resizeVolume(String accountId, String haId, int size) {
        world.locked(() -> {
            AccountData account = world.account(accountId);
            HaGroup group = GroupRules.group(account, haId);
            GroupRules.requireState(group, "resize the volumes", HaState.ACTIVE);
            GroupRules.requireVolume(size);
            if (size <= group.volumeSize()) {
                throw DomainException.unprocessable("Volumes can only grow: HA instance " + haId + " has "
                        + group.volumeSize() + " GB, so the new size must be more than that.");
            }
            GroupRules.requireRoom(account, 0, (size - group.volumeSize()) * group.memberIds().size());
            world.startChange(group, HaState.RESIZING_VOLUME, Durations.Kind.RESIZE_VOLUME, Map.of("size", String.valueOf(size)));
        });
    }

    public void resizeFlavor(String accountId, String haId, String flavorRef) {
        world.locked(() -> {
            AccountData account = world.account(accountId);
            HaGroup group = GroupRules.group(account, haId);
            GroupRules.requireState(group, "resize the flavor", HaState.ACTIVE);
            Flavor flavor = GroupRules.haFlavor(world.catalog(), flavorRef);
            DbInstance source = account.instances().get(group.sourceId());
            // K16: the flavor the group reports (its "flavor") or the one its nodes run; they differ where the seed's
            // group shows flavor 9 over nodes of flavor 2 (discrepancy 9), and either is a resize that changes nothing
            if (flavor.id() == group.flavorId() || String.valueOf(flavor.id()).equals(source.flavorId())) {
                throw DomainException.unprocessable("HA instance " + haId + " already has flavor " + flavor.id()
                        + (flavor.id() == group.flavorId() ? "" : " on its nodes") + ".");
            }
            world.startChange(group, HaState.RESIZING_FLAVOR, Durations.Kind.RESIZE_FLAVOR,
                    Map.of("flavorId", String.valueOf(flavor.id())));
        });
    }

    /** A restart also clears RESTART_REQUIRED. */
    public void restart(String accountId, String haId) {
        world.locked(() -> {
            HaGroup group = GroupRules.group(world.account(accountId), haId);
            GroupRules.requireState(group, "restart", HaState.ACTIVE, HaState.RESTART_REQUIRED);
            world.startChange(group, HaState.REBOOT, Durations.Kind.RESTART, Map.of());
        });
    }

    /** Answers the group as the upgrade leaves it: UPGRADING, still on the version it upgrades from. */
    public HaGroup upgrade(String accountId, String haId, String type, String version) {
        return world.locked(() -> {
            AccountData account = world.account(accountId);
            HaGroup group = GroupRules.group(account, haId);
            GroupRules.requireState(group, "upgrade", HaState.ACTIVE);
            Datastore target = world.catalog().datastore(type, version);
            if (!world.catalog().canUpgrade(group.datastore(), target)) {
                throw DomainException.unprocessable("There is no upgrade from " + group.datastore().type() + " "
                        + group.datastore().version() + " to " + target.type() + " " + target.version() + ".");
            }
            Configurations.requireAttachedFits(account, group, target);
            world.startChange(group, HaState.UPGRADING, Durations.Kind.UPGRADE,
                    Map.of("type", target.type(), "version", target.version()));
            return group;
        });
    }
}
