package io.hakit.server.store;

import static io.hakit.server.domain.DomainException.shown;

import io.hakit.server.domain.Backup;
import io.hakit.server.domain.Catalog;
import io.hakit.server.domain.PendingChanges;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a world file's values must be for the server to act on them: a change in progress it can complete, a flavor
 * its catalog has, a backup status it knows, the fields its answers and rate limits read, and sizes of 1 or more.
 * Checked before anything is loaded, as {@link WorldFileReferences} is: loaded, an unknown kind of change failed
 * every request once the clock reached it, an instance's unknown flavor every show of it, a backup without its
 * created date every list of backups (500s); an unknown backup status was refused in Java's words.
 */
final class WorldFileValues {

    private static final List<String> RATE_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern RATE_PATH = Pattern.compile("(/[^/]+)+");

    private WorldFileValues() {}

    /** @throws IllegalArgumentException naming the first value the server cannot act on */
    static void check(WorldFile.Account account, Catalog catalog) {
        checkRates(account);
        for (WorldFile.Group g : nonNull(account.haInstances())) {
            if (catalog.flavor(String.valueOf(g.flavorId())).isEmpty()) {
                throw refused(account, "group " + shown(g.id()) + "'s flavor " + g.flavorId()
                        + " is not in the catalog");
            }
            atLeast(account, "group " + shown(g.id()) + "'s volume", g.volume(), 1);
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
            atLeast(account, "instance " + shown(i.id()) + "'s volume", i.volume(), 1);
        }
        for (WorldFile.Backup b : nonNull(account.backups())) {
            if (Arrays.stream(Backup.Status.values()).noneMatch(s -> s.name().equals(b.status()))) {
                throw refused(account, "backup " + shown(b.id()) + "'s status " + shown(b.status())
                        + " is none of " + Arrays.toString(Backup.Status.values()));
            }
            String backup = "backup " + shown(b.id());
            if (b.created() == null) {
                throw refused(account, backup + " has no created date (every backup's answer gives it)");
            }
            if (b.sourceId() == null) {
                throw refused(account, backup + " has no sourceId (the HA group or instance it was taken of)");
            }
            atLeast(account, backup + "'s volumeSize", b.volumeSize(), 1);
            atLeast(account, backup + "'s flavorRam", b.flavorRam(), 1);
            if (b.size() != null && !(b.size() >= 0)) {
                throw refused(account, backup + "'s size " + b.size() + " is not a size in GB (0 or more)");
            }
            if (b.pending() != null) {
                String problem = PendingChanges.backupProblem(b.pending().kind(), b.pending().dueAt());
                if (problem != null) {
                    throw refused(account, "backup " + shown(b.id()) + "'s pending step " + problem);
                }
            }
        }
    }

    /**
     * A rate limit the server can apply: the rule of the Limits schema in openapi/emulator.yaml, which
     * {@code PUT /_emulator/limits} is held to (a method, a path of segments, 1 to 1,000,000 a minute). Loaded without
     * its method or path, a rate failed every request of its account (500s).
     */
    private static void checkRates(WorldFile.Account account) {
        if (account.limits() == null) {
            return;
        }
        for (WorldFile.Rate rate : nonNull(account.limits().rates())) {
            if (rate == null || rate.method() == null || !RATE_METHODS.contains(rate.method())) {
                throw refused(account, "a rate's method " + (rate == null ? "null" : shown(rate.method()))
                        + " is none of " + RATE_METHODS);
            }
            if (rate.pathPattern() == null || rate.pathPattern().length() > 1024
                    || !RATE_PATH.matcher(rate.pathPattern()).matches()) {
                throw refused(account, "a rate's pathPattern " + shown(rate.pathPattern())
                        + " is not a path after /v1.0/{accountId} (such as /backups/*)");
            }
            if (rate.perMinute() < 1 || rate.perMinute() > 1_000_000) {
                throw refused(account, "a rate's perMinute " + rate.perMinute() + " is not from 1 to 1000000");
            }
        }
    }

    private static void atLeast(WorldFile.Account account, String what, long value, long least) {
        if (value < least) {
            throw refused(account, what + " " + value + " is less than " + least);
        }
    }

    private static IllegalArgumentException refused(WorldFile.Account account, String what) {
        return new IllegalArgumentException("account " + shown(account.id()) + ": " + what);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
