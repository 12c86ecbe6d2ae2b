package io.hakit.server.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a world file's accounts name must be in them: a group's members, configuration and pending replica; an
 * instance's group and source; a backup's parent. Checked before anything is loaded, so that a file that names what
 * it does not hold is refused (400) and the world is left as it was: loaded, such a file had left groups whose next
 * step failed on every request afterwards (500s).
 */
final class WorldFileReferences {

    private WorldFileReferences() {}

    /** @throws IllegalArgumentException naming the first reference to nothing */
    static void check(WorldFile.Account account) {
        Set<String> instances = ids(account.instances(), WorldFile.Instance::id);
        Set<String> groups = ids(account.haInstances(), WorldFile.Group::id);
        Set<String> configurations = ids(account.configurations(), WorldFile.Configuration::id);
        Set<String> backups = ids(account.backups(), WorldFile.Backup::id);
        for (WorldFile.Group g : nonNull(account.haInstances())) {
            require(instances, g.sourceId(), account, "group " + g.id() + "'s source");
            nonNull(g.replicaIds()).forEach(id -> require(instances, id, account, "group " + g.id() + "'s replica"));
            optional(configurations, g.configurationId(), account, "group " + g.id() + "'s configuration");
            if (g.pending() != null && g.pending().params() != null) {
                optional(instances, g.pending().params().get("replicaId"), account,
                        "group " + g.id() + "'s pending replica");
            }
        }
        for (WorldFile.Instance i : nonNull(account.instances())) {
            optional(groups, i.haId(), account, "instance " + i.id() + "'s group");
            optional(instances, i.replicaOf(), account, "instance " + i.id() + "'s source");
        }
        for (WorldFile.Backup b : nonNull(account.backups())) {
            optional(backups, b.parentId(), account, "backup " + b.id() + "'s parent");
        }
    }

    private static void optional(Set<String> known, String id, WorldFile.Account account, String what) {
        if (id != null) {
            require(known, id, account, what);
        }
    }

    private static void require(Set<String> known, String id, WorldFile.Account account, String what) {
        if (!known.contains(id)) {
            throw new IllegalArgumentException("account " + account.id() + ": " + what + " (" + id
                    + ") is not in the file");
        }
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        Set<String> ids = new HashSet<>();
        nonNull(items).forEach(item -> ids.add(id.apply(item)));
        return ids;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
