package io.hakit.server.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a change in progress must carry for {@link Transitions} to complete it, for a world read from a file: a kind
 * it knows and the parameters its completion reads. Loaded without them, a change had failed when the clock reached
 * it, on the load's own answer or on any later request (a 500 each time, while the world kept the change).
 */
public final class PendingChanges {

    /** The kinds a group's change may have: each of Durations' but a backup's, which its backup carries. */
    private static final Set<Durations.Kind> GROUP_KINDS = EnumSet.complementOf(EnumSet.of(Durations.Kind.BACKUP));
    private static final Set<String> BACKUP_STEPS = Set.of(BackupSteps.START, BackupSteps.FINISH);
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    private PendingChanges() {}

    /** Why a group's change cannot be completed, or null when it can. */
    public static String groupProblem(String kind, Instant dueAt, Map<String, String> params) {
        if (dueAt == null) {
            return "has no dueAt";
        }
        Durations.Kind known = GROUP_KINDS.stream().filter(k -> k.name().equals(kind)).findFirst().orElse(null);
        if (known == null) {
            return "has the kind " + DomainException.shown(kind) + ", none of " + GROUP_KINDS;
        }
        Map<String, String> given = params == null ? Map.of() : params;
        return switch (known) {
            case ADD_REPLICA, REMOVE_REPLICA -> given.get("replicaId") == null ? "names no replicaId" : null;
            case RESIZE_VOLUME -> wholeNumber(given, "size");
            case RESIZE_FLAVOR -> wholeNumber(given, "flavorId");
            case UPGRADE -> given.get("type") == null || given.get("version") == null ? "names no type and version" : null;
            default -> null;
        };
    }

    /** Why a backup's next step cannot be taken, or null when it can. */
    public static String backupProblem(String kind, Instant dueAt) {
        if (dueAt == null) {
            return "has no dueAt";
        }
        return BACKUP_STEPS.contains(kind) ? null
                : "has the kind " + DomainException.shown(kind) + ", none of " + BACKUP_STEPS;
    }

    private static String wholeNumber(Map<String, String> params, String name) {
        String value = params.get(name);
        return value != null && WHOLE_NUMBER.matcher(value).matches() ? null : "has no whole number " + name;
    }
}
