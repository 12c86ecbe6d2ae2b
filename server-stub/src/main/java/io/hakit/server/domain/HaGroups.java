package io.hakit.server.domain;

import io.hakit.server.store.AccountData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Create, list, show and delete HA groups. */
public final class HaGroups {

    private final World world;

    public HaGroups(World world) {
        this.world = world;
    }

    public HaGroup create(String accountId, NewGroup request) {
        return world.locked(() -> {
            AccountData account = world.account(accountId);
            Datastore datastore = world.catalog().datastore(request.datastoreType(), request.datastoreVersion());
            world.catalog().requireHaSupport(datastore);
            List<MemberSpec> members = new ArrayList<>();
            members.add(request.source());
            members.addAll(request.replicas());
            members.forEach(m -> GroupRules.requireVolume(m.volumeSize()));
            Flavor flavor = GroupRules.haFlavor(world.catalog(), request.source().flavorRef());
            GroupRules.requireSameShape(members);
            ConfigurationGroup configuration = request.configurationId() == null ? null
                    : Configurations.matching(account, request.configurationId(), datastore);
            int volume = request.source().volumeSize();
            GroupRules.requireRoom(account, members.size(), volume * members.size());

            HaGroup group = new HaGroup(world.newId(), accountId, request.name(), HaState.BUILD, datastore,
                    flavor.id(), volume);
            DbInstance source = newMember(account, group, request.source(), datastore);
            group.sourceId(source.id());
            for (MemberSpec replica : request.replicas()) {
                DbInstance member = newMember(account, group, replica, datastore);
                member.replicaOf(source.id());
                group.replicaIds().add(member.id());
            }
            networks(request.networks()).forEach(n -> group.endpoints().put(n, world.loadBalancerHostname(group.id(), n)));
            group.acls().addAll(request.acls());
            group.configurationId(configuration == null ? null : configuration.id());
            account.groups().put(group.id(), group);
            world.startChange(group, HaState.BUILD, Durations.Kind.BUILD, Map.of());
            return group;
        });
    }

    DbInstance newMember(AccountData account, HaGroup group, MemberSpec spec, Datastore datastore) {
        String id = world.newId();
        DbInstance member = new DbInstance(id, account.id(), spec.name(), world.memberHostname(id), "BUILD",
                spec.flavorRef(), spec.volumeSize(), datastore);
        member.haId(group.id());
        account.instances().put(id, member);
        return member;
    }

    /** servicenet always, then whatever else the request names. */
    static Set<String> networks(List<String> requested) {
        Set<String> networks = new LinkedHashSet<>();
        networks.add(GroupRules.DEFAULT_NETWORK);
        networks.addAll(requested);
        return networks;
    }

    public Page<HaGroup> list(String accountId, String marker, Integer limit) {
        return world.locked(() -> Page.of(world.account(accountId).groups(), marker, limit));
    }

    public HaGroup show(String accountId, String haId) {
        return world.locked(() -> GroupRules.group(world.account(accountId), haId));
    }

    public void delete(String accountId, String haId) {
        world.locked(() -> {
            HaGroup group = GroupRules.group(world.account(accountId), haId);
            if (!group.state().isError()) { // a failed group can always be deleted, or deleted again
                GroupRules.requireState(group, "delete", HaState.ACTIVE, HaState.RESTART_REQUIRED,
                        HaState.FAILOVER_DISABLED);
            }
            world.startChange(group, HaState.DELETING, Durations.Kind.DELETE, Map.of());
        });
    }
}
