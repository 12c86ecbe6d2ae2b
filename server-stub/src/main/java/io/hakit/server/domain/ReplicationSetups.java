package io.hakit.server.domain;

import io.hakit.server.store.AccountData;
import java.util.List;
import java.util.Map;

/** Converting a replication setup (a source and one or two replicas) into an HA group. */
public final class ReplicationSetups {

    private final World world;

    public ReplicationSetups(World world) {
        this.world = world;
    }

    /** A new replication setup: its source and its replicas, each ACTIVE, named after {@code name}. */
    public record Created(DbInstance source, List<DbInstance> replicas) {}

    /**
     * Adds a replication setup (a standalone source and {@code replicaCount} replicas of it, all ACTIVE) to the
     * account: the HA API has no call that makes one, and convertToHa needs one. The flavor must be one HA takes
     * and the datastore one the catalog knows, so that the setup can be converted.
     */
    public Created create(String accountId, String name, String type, String version, String flavorId, int volume,
            int replicaCount) {
        return world.locked(() -> {
            Datastore datastore = world.catalog().datastore(type, version);
            Flavor flavor = GroupRules.haFlavor(world.catalog(), flavorId);
            AccountData account = world.account(accountId);
            DbInstance source = instance(accountId, name + "-source", String.valueOf(flavor.id()), volume, datastore);
            account.instances().put(source.id(), source);
            List<DbInstance> replicas = new java.util.ArrayList<>();
            for (int i = 1; i <= replicaCount; i++) {
                DbInstance replica = instance(accountId, name + "-replica-" + i, source.flavorId(), volume, datastore);
                replica.replicaOf(source.id());
                account.instances().put(replica.id(), replica);
                replicas.add(replica);
            }
            return new Created(source, List.copyOf(replicas));
        });
    }

    private DbInstance instance(String accountId, String name, String flavorId, int volume, Datastore datastore) {
        String id = world.newId();
        return new DbInstance(id, accountId, name, world.memberHostname(id), "ACTIVE", flavorId, volume, datastore);
    }

    /** {@code instanceId} may be the source or any replica of the setup. */
    public HaGroup convertToHa(String accountId, String instanceId, String name, List<String> networks, List<String> acls) {
        return world.locked(() -> {
            AccountData account = world.account(accountId);
            DbInstance named = account.instances().get(instanceId);
            if (named == null) {
                throw DomainException.notFound("Instance", instanceId);
            }
            DbInstance source = named.replicaOf() == null ? named : account.instances().get(named.replicaOf());
            List<DbInstance> replicas = account.instances().values().stream()
                    .filter(i -> source.id().equals(i.replicaOf())).toList();
            if (!source.isStandalone() || replicas.isEmpty() || replicas.size() > GroupRules.MAX_REPLICAS) {
                throw DomainException.unprocessable("Instance " + instanceId + " is not part of a replication setup"
                        + " of one source and one or two replicas outside any HA group.");
            }
            for (DbInstance member : account.instances().values()) {
                if ((member == source || replicas.contains(member)) && !"ACTIVE".equals(member.status())) {
                    throw DomainException.unprocessable("Instance " + member.id() + " is " + member.status()
                            + "; every instance of the setup must be ACTIVE.");
                }
            }
            world.catalog().requireHaSupport(source.datastore()); // the versions HA takes (seed), as on a create
            Flavor flavor = GroupRules.haFlavor(world.catalog(), source.flavorId());
            HaGroup group = new HaGroup(world.newId(), accountId, name, HaState.BUILD, source.datastore(),
                    flavor.id(), source.volumeSize());
            group.sourceId(source.id());
            replicas.forEach(r -> group.replicaIds().add(r.id()));
            for (String id : group.memberIds()) {
                DbInstance member = account.instances().get(id);
                member.haId(group.id());
                member.status("CONVERT_TO_HA");
            }
            HaGroups.networks(networks == null ? List.of() : networks)
                    .forEach(n -> group.endpoints().put(n, world.loadBalancerHostname(group.id(), n)));
            if (acls != null) {
                group.acls().addAll(acls);
            }
            account.groups().put(group.id(), group);
            world.startChange(group, HaState.BUILD, Durations.Kind.CONVERT, Map.of());
            return group;
        });
    }
}
