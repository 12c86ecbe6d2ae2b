package io.hakit.server.domain;

import java.util.List;

/** The addresses an HA group's load balancer lets through. */
public final class HaAcls {

    /** K8: a group holds at most this many; the document bounds every list that carries them by the same number. */
    public static final int MOST_PER_GROUP = 100;

    private final World world;

    public HaAcls(World world) {
        this.world = world;
    }

    /** Adding an address the group already allows changes nothing; a new one beyond the bound is refused (422). */
    public void add(String accountId, String haId, String cidr) {
        world.locked(() -> {
            HaGroup group = GroupRules.group(world.account(accountId), haId);
            requireAclChange(group, "added");
            if (group.acls().size() >= MOST_PER_GROUP && !group.acls().contains(cidr)) {
                throw DomainException.unprocessable("HA instance " + haId + " already holds " + MOST_PER_GROUP
                        + " ACLs, the most a group holds; delete one first.");
            }
            group.acls().add(cidr);
        });
    }

    /**
     * The one rule for both ACL changes: none while the group is being deleted (its load balancer is going away), none
     * in an error state (K32: such a group takes a delete and nothing else), and no add while it builds (seed).
     */
    private static void requireAclChange(HaGroup group, String change) {
        HaState state = group.state();
        boolean refused = state == HaState.DELETING || state.isError() || (state == HaState.BUILD && change.equals("added"));
        if (refused) {
            throw DomainException.unprocessable("ACLs cannot be " + change + " while HA instance " + group.id()
                    + " is in " + state.wireName()
                    + (state.isError() ? ", an error state: the group can only be deleted" : "") + ".");
        }
    }

    public List<String> list(String accountId, String haId) {
        return world.locked(() -> List.copyOf(GroupRules.group(world.account(accountId), haId).acls()));
    }

    public void remove(String accountId, String haId, String cidr) {
        world.locked(() -> {
            HaGroup group = GroupRules.group(world.account(accountId), haId);
            requireAclChange(group, "deleted");
            if (!group.acls().remove(cidr)) {
                throw DomainException.notFound("ACL", cidr, "HA instance " + haId);
            }
        });
    }
}
