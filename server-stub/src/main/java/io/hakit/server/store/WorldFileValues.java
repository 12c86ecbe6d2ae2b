package io.hakit.server.store;

import static io.hakit.server.domain.DomainException.shown;

import io.hakit.server.domain.Backup;
import io.hakit.server.domain.Catalog;
import io.hakit.server.domain.PendingChanges;
import java.util.Arrays;
import java.util.List;

/**
 * What a world file's values must be for the server to act on them: a change in progress it can complete, a flavor
 * its catalog has, a backup status it knows. Checked before anything is loaded, as {@link WorldFileReferences} is:
 * loaded, an unknown kind of change failed every request once the clock reached it, and an instance's unknown
 * flavor every show of it (500s); an unknown backup status was refused in Java's words.
 */
final class WorldFileValues {

    private WorldFileValues() {}

    /** @throws IllegalArgumentException naming the first value the server cannot act on */
    static void check(WorldFile.Account account, Catalog catalog) {
        for (WorldFile.Group g : nonNull(account.haInstances())) {
            if (catalog.flavor(String.valueOf(g.flavorId())).isEmpty()) {
                throw refused(account, "group " + shown(g.id()) + "'s flavor " + g.flavorId()
                        + " is not in the catalog");
            }
            if (g.pending() != null) {
                WorldFile.Pending pending = g.pending();
                String problem = PendingChanges.groupProblem(pending.kind(), pending.dueAt(), pending.params());
                if (problem != null) {
                    throw refused(account, "group " + shown(g.id()) + "'s pending change " + problem);
                }
            }
        }
        for (WorldFile.Instance i : nonNull(account.instances())) {
            if (i.flavorId() == null || catalog.flavor(i.flavorId()).isEmpty()) {
                throw refused(account, "instance " + shown(i.id()) + "'s flavor " + shown(i.flavorId())
                        + " is not in the catalog");
            }
        }
        for (WorldFile.Backup b : nonNull(account.backups())) {
            if (Arrays.stream(Backup.Status.values()).noneMatch(s -> s.name().equals(b.status()))) {
                throw refused(account, "backup " + shown(b.id()) + "'s status " + shown(b.status())
                        + " is none of " + Arrays.toString(Backup.Status.values()));
            }
            if (b.pending() != null) {
                String problem = PendingChanges.backupProblem(b.pending().kind(), b.pending().dueAt());
                if (problem != null) {
                    throw refused(account, "backup " + shown(b.id()) + "'s pending step " + problem);
                }
            }
        }
    }

    private static IllegalArgumentException refused(WorldFile.Account account, String what) {
        return new IllegalArgumentException("account " + shown(account.id()) + ": " + what);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
