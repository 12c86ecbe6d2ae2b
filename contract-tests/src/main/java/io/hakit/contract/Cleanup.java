package io.hakit.contract;

import io.hakit.contract.api.Answer;
import io.hakit.contract.api.HaApi;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Everything the gate creates, deleted however the run ends: each scenario deletes its own as it finishes, and
 * whatever is left (a scenario that failed midway, the negative testing's creations) is deleted at the end. What
 * cannot be deleted is listed in the reports, so that nobody has to guess what the gate left behind.
 */
public final class Cleanup {

    private final Set<String> groups = new LinkedHashSet<>();
    private final Set<String> backups = new LinkedHashSet<>();
    private final List<String> leftovers = new ArrayList<>();

    public synchronized void group(String id) {
        groups.add(id);
    }

    public synchronized void backup(String id) {
        backups.add(id);
    }

    /** Something the gate made that the HA API gives it no call to delete: listed in the reports, to delete by hand. */
    public synchronized void cannotDelete(String what) {
        leftovers.add(what);
    }

    /** Deletes every group and backup still registered; a group in a transition is waited for first. */
    public void deleteAll(HaApi api, Waiter waiter) {
        for (String backup : take(backups)) {
            attempt("backup " + backup, () -> gone(api.showBackup(backup)) || deleted(api.deleteBackup(backup)));
        }
        for (String group : take(groups)) {
            attempt("HA instance " + group, () -> {
                if (gone(api.showGroup(group))) {
                    return true;
                }
                waiter.until("HA instance " + group + " to settle before it is deleted", () -> !busy(api.showGroup(group)));
                return deleted(api.deleteGroup(group));
            });
        }
    }

    /** Deletes one group now (a scenario's own), and forgets it if that worked. */
    public void delete(String group, HaApi api, Waiter waiter) {
        try {
            if (gone(api.showGroup(group))) {
                forget(group);
                return;
            }
            waiter.until("HA instance " + group + " to settle before it is deleted", () -> !busy(api.showGroup(group)));
            if (deleted(api.deleteGroup(group))) {
                forget(group);
            }
        } catch (RuntimeException | AssertionError e) {
            // left registered: the final clean-up tries again and reports it if it still cannot
        }
    }

    public synchronized List<String> leftovers() {
        return List.copyOf(leftovers);
    }

    private synchronized void forget(String group) {
        groups.remove(group);
    }

    private synchronized List<String> take(Set<String> ids) {
        List<String> taken = new ArrayList<>(ids);
        ids.clear();
        return taken;
    }

    private void attempt(String what, BooleanSupplier delete) {
        try {
            if (!delete.getAsBoolean()) {
                synchronized (this) {
                    leftovers.add(what + ": the delete was refused");
                }
            }
        } catch (RuntimeException | AssertionError e) {
            synchronized (this) {
                leftovers.add(what + ": " + e.getMessage());
            }
        }
    }

    private static boolean gone(Answer answer) {
        return answer.status() == 404;
    }

    private static boolean deleted(Answer answer) {
        return answer.status() == 202 || answer.status() == 404;
    }

    private static boolean busy(Answer answer) {
        String state = answer.text("/ha_instance/state");
        return !Set.of("ACTIVE", "RESTART_REQUIRED", "ERROR", "FAILOVER_DISABLED", "").contains(state) && answer.status() == 200;
    }
}
