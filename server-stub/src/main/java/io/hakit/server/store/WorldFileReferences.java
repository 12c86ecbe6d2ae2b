package io.hakit.server.store;

import static io.hakit.server.domain.DomainException.shown;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What a world file's accounts name must be in them: a group's members, configuration and pending replica; an
 * instance's group and source; a backup's parent. And each thing once: an account, an id of a kind, a member of a
 * group (a file read two ways is not read). Checked before anything is loaded, so that a file that names what
 * it does not hold is refused (400) and the world is left as it was: loaded, such a file had left groups whose next
 * step failed on every request afterwards (500s).
 */
final class WorldFileReferences {

    private WorldFileReferences() {}

    /**
     * Each account once: given twice, its two entries were merged, the later one's resources replacing the earlier
     * one's of the same id.
     *
     * @throws IllegalArgumentException naming the first account given twice
     */
    static void checkAccounts(List<WorldFile.Account> accounts) {
        Set<String> seen = new HashSet<>();
        for (WorldFile.Account account : nonNull(accounts)) {
            if (!seen.add(account.id())) {
                throw new IllegalArgumentException("account " + shown(account.id()) + " is given twice");
            }
        }
    }

    /**
     * @throws IllegalArgumentException naming the first reference to nothing, the first id given twice (the later
     *     one had replaced the earlier), or the first instance that is a member of two groups, or twice of one
     */
    static void check(WorldFile.Account account) {
        Set<String> instances = ids(account.instances(), WorldFile.Instance::id, account, "instance");
        Set<String> groups = ids(account.haInstances(), WorldFile.Group::id, account, "group");
        Set<String> configurations = ids(account.configurations(), WorldFile.Configuration::id, account,
                "configuration");
        Set<String> backups = ids(account.backups(), WorldFile.Backup::id, account, "backup");
        Set<String> members = new HashSet<>();
        Map<String, String> memberOf = new HashMap<>(); // instance -> the group that names it a member
        for (WorldFile.Group g : nonNull(account.haInstances())) {
            memberOf.put(g.sourceId(), g.id());
            nonNull(g.replicaIds()).forEach(id -> memberOf.put(id, g.id()));
            require(instances, g.sourceId(), account, "group " + shown(g.id()) + "'s source");
            nonNull(g.replicaIds()).forEach(id -> require(instances, id, account,
                    "group " + shown(g.id()) + "'s replica"));
            member(members, g.sourceId(), account, g);
            nonNull(g.replicaIds()).forEach(id -> member(members, id, account, g));
            optional(configurations, g.configurationId(), account, "group " + shown(g.id()) + "'s configuration");
            if (g.pending() != null && g.pending().params() != null) {
                optional(instances, g.pending().params().get("replicaId"), account,
                        "group " + shown(g.id()) + "'s pending replica");
            }
        }
        for (WorldFile.Instance i : nonNull(account.instances())) {
            optional(groups, i.haId(), account, "instance " + shown(i.id()) + "'s group");
            sameGroup(account, i, memberOf.get(i.id()));
            optional(instances, i.replicaOf(), account, "instance " + shown(i.id()) + "'s source");
        }
        for (WorldFile.Backup b : nonNull(account.backups())) {
            optional(backups, b.parentId(), account, "backup " + shown(b.id()) + "'s parent");
        }
    }

    /**
     * A member names its group, and an instance names a group only if it is one of its members: every answer that
     * shows a member gives its group's id (a member without one was shown with "ha_id": null).
     */
    private static void sameGroup(WorldFile.Account account, WorldFile.Instance instance, String group) {
        if (!Objects.equals(instance.haId(), group)) {
            throw new IllegalArgumentException("account " + shown(account.id()) + ": instance " + shown(instance.id())
                    + " names " + (instance.haId() == null ? "no group" : "group " + shown(instance.haId()))
                    + " as its group, but " + (group == null ? "no group" : "group " + shown(group))
                    + " has it as a member");
        }
    }

    private static void optional(Set<String> known, String id, WorldFile.Account account, String what) {
        if (id != null) {
            require(known, id, account, what);
        }
    }

    private static void require(Set<String> known, String id, WorldFile.Account account, String what) {
        if (!known.contains(id)) {
            throw new IllegalArgumentException("account " + shown(account.id()) + ": " + what + " (" + shown(id)
                    + ") is not in the file");
        }
    }

    private static void member(Set<String> members, String instanceId, WorldFile.Account account, WorldFile.Group g) {
        if (!members.add(instanceId)) {
            throw new IllegalArgumentException("account " + shown(account.id()) + ": instance " + shown(instanceId)
                    + " is a member of group " + shown(g.id()) + " and of another group, or twice of this one");
        }
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id, WorldFile.Account account, String kind) {
        Set<String> ids = new HashSet<>();
        for (T item : nonNull(items)) {
            if (!ids.add(id.apply(item))) {
                throw new IllegalArgumentException("account " + shown(account.id()) + ": " + kind + " "
                        + shown(id.apply(item)) + " is given twice");
            }
        }
        return ids;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
