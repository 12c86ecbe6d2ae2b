package io.hakit.server.domain;

import java.util.List;

/** The addresses an HA group's load balancer lets through. */
public final class HaAcls {

    private final World world;

    public HaAcls(World world) {
        this.world = world;
    }

    /** Adding an address the group already allows changes nothing. */
    public void add(String accountId, String haId, String cidr) {
        world.locked(() -> {
            HaGroup group = GroupRules.group(world.account(accountId), haId);
            if (group.state() == HaState.BUILD || group.state() == HaState.DELETING) {
                throw DomainException.unprocessable("ACLs cannot be added while HA instance " + haId + " is in "
                        + group.state().wireName() + ".");
            }
            group.acls().add(cidr);
        });
    }

    public List<String> list(String accountId, String haId) {
        return world.locked(() -> List.copyOf(GroupRules.group(world.account(accountId), haId).acls()));
    }

    public void remove(String accountId, String haId, String cidr) {
        world.locked(() -> {
            HaGroup group = GroupRules.group(world.account(accountId), haId);
            if (!group.acls().remove(cidr)) {
                throw DomainException.notFound("ACL", cidr + " of HA instance " + haId);
            }
        });
    }
}
