package io.hakit.server.domain;

import io.hakit.server.store.AccountData;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Completes the changes in progress when the clock reaches them, oldest first. Each group or backup carries its
 * own {@link PendingChange}; this class keeps an index of them by due time so that settling costs nothing when
 * nothing is due, whatever the number of groups.
 */
final class Transitions {

    private record Due(Instant at, String accountId, String id, boolean backup) {}

    private final World world;
    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));

    Transitions(World world) {
        this.world = world;
    }

    void watch(HaGroup group) {
        queue.add(new Due(group.pending().dueAt(), group.accountId(), group.id(), false));
    }

    void watch(Backup backup) {
        queue.add(new Due(backup.pending().dueAt(), backup.accountId(), backup.id(), true));
    }

    void rebuild() {
        queue.clear();
        for (AccountData account : world.store().accounts()) {
            account.groups().values().stream().filter(g -> g.pending() != null).forEach(this::watch);
            account.backups().values().stream().filter(b -> b.pending() != null).forEach(this::watch);
        }
    }

    void settle(Instant now) {
        while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
            Due due = queue.poll();
            AccountData account = world.store().existingAccount(due.accountId()).orElse(null);
            if (account == null) {
                continue;
            }
            if (due.backup()) {
                Backup backup = account.backups().get(due.id());
                if (backup != null && isDue(backup.pending(), due)) {
                    completeBackupStep(account, backup);
                }
            } else {
                HaGroup group = account.groups().get(due.id());
                if (group != null && isDue(group.pending(), due)) {
                    complete(account, group);
                }
            }
        }
    }

    private static boolean isDue(PendingChange pending, Due due) {
        return pending != null && pending.dueAt().equals(due.at());
    }

    private void complete(AccountData account, HaGroup group) {
        PendingChange change = group.pending();
        group.pending(null);
        switch (Durations.Kind.valueOf(change.kind())) {
            case BUILD, CONVERT -> group.memberIds().forEach(id -> account.instances().get(id).status("ACTIVE"));
            case ADD_REPLICA -> account.instances().get(change.param("replicaId")).status("ACTIVE");
            case REMOVE_REPLICA -> detach(account, group, change.param("replicaId"));
            case RESIZE_VOLUME -> {
                int size = Integer.parseInt(change.param("size"));
                group.volumeSize(size);
                members(account, group).forEach(m -> m.volumeSize(size));
            }
            case RESIZE_FLAVOR -> {
                String flavorId = change.param("flavorId");
                group.flavorId(Integer.parseInt(flavorId));
                members(account, group).forEach(m -> m.flavorId(flavorId));
            }
            case UPGRADE -> {
                Datastore target = new Datastore(change.param("type"), change.param("version"));
                group.datastore(target);
                members(account, group).forEach(m -> m.datastore(target));
            }
            case RESTART -> { }
            case DELETE -> {
                group.memberIds().forEach(account.instances()::remove);
                account.groups().remove(group.id());
                return;
            }
            default -> throw new IllegalStateException("no completion for " + change.kind());
        }
        group.state(HaState.ACTIVE);
    }

    private static void detach(AccountData account, HaGroup group, String replicaId) {
        group.replicaIds().remove(replicaId);
        DbInstance replica = account.instances().get(replicaId);
        replica.haId(null);
        replica.replicaOf(null);
        replica.status("ACTIVE");
    }

    private static java.util.stream.Stream<DbInstance> members(AccountData account, HaGroup group) {
        return group.memberIds().stream().map(account.instances()::get);
    }

    private void completeBackupStep(AccountData account, Backup backup) {
        PendingChange step = backup.pending();
        backup.pending(null);
        Instant at = step.dueAt();
        if (step.kind().equals(BackupSteps.START)) {
            backup.status(Backup.Status.BUILDING, at);
            Instant finishing = at.plus(world.durations().of(Durations.Kind.BACKUP).dividedBy(2));
            world.continueChange(backup, BackupSteps.FINISH, finishing);
            return;
        }
        backup.completed(BackupSteps.sizeGb(backup), BackupSteps.location(world.region(), backup), at);
        if (backup.ofHaGroup()) {
            HaGroup group = account.groups().get(backup.sourceId());
            if (group != null && group.state() == HaState.BACKUP) {
                group.state(HaState.ACTIVE);
            }
        }
    }
}
