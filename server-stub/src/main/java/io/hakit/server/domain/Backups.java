package io.hakit.server.domain;

import io.hakit.server.store.AccountData;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** On-demand backups of HA groups (and of single instances, which the HA API lists beside them). */
public final class Backups {

    private final World world;

    public Backups(World world) {
        this.world = world;
    }

    public Backup create(String accountId, NewBackup request) {
        return world.locked(() -> {
            AccountData account = world.account(accountId);
            Source source = source(account, request);
            if (request.parentId() != null) {
                Backup parent = backup(account, request.parentId());
                if (!parent.sourceId().equals(request.sourceId()) || parent.status() != Backup.Status.COMPLETED) {
                    throw DomainException.unprocessable("Backup " + request.parentId()
                            + " is not a completed backup of " + request.sourceId() + ".");
                }
            }
            int ram = world.catalog().flavorOrThrow(source.flavorId()).ramMb();
            Backup backup = new Backup(world.newId(), accountId, request.name(), request.description(),
                    request.sourceType(), request.sourceId(), request.parentId(), source.datastore(), ram,
                    source.volumeSize(), world.now());
            account.backups().put(backup.id(), backup);
            if (source.group() != null) {
                source.group().state(HaState.BACKUP);
            }
            world.startChange(backup, BackupSteps.START, world.durations().of(Durations.Kind.BACKUP).dividedBy(2));
            return backup;
        });
    }

    private record Source(HaGroup group, String flavorId, int volumeSize, Datastore datastore) {}

    /** An HA group must be ACTIVE: it takes one backup at a time. A member of a group is backed up as its group. */
    private static Source source(AccountData account, NewBackup request) {
        if ("ha".equals(request.sourceType())) {
            HaGroup group = GroupRules.group(account, request.sourceId());
            if (group.state() == HaState.BACKUP) {
                throw DomainException.unprocessable("HA instance " + group.id()
                        + " is already being backed up; one backup at a time.");
            }
            GroupRules.requireState(group, "back up", HaState.ACTIVE);
            return new Source(group, String.valueOf(group.flavorId()), group.volumeSize(), group.datastore());
        }
        DbInstance instance = account.instances().get(request.sourceId());
        if (instance == null) {
            throw DomainException.notFound("Instance", request.sourceId());
        }
        if (!instance.isStandalone()) { // Rackspace: backups target the HA group's id, not a member instance
            throw DomainException.unprocessable("Instance " + instance.id() + " is a member of HA instance "
                    + instance.haId() + "; back up the HA group (source type ha) instead.");
        }
        boolean running = account.backups().values().stream()
                .anyMatch(b -> b.sourceId().equals(instance.id()) && b.running());
        if (running) {
            throw DomainException.unprocessable("Instance " + instance.id() + " is already being backed up.");
        }
        return new Source(null, instance.flavorId(), instance.volumeSize(), instance.datastore());
    }

    public Backup show(String accountId, String backupId) {
        return world.locked(() -> backup(world.account(accountId), backupId));
    }

    /** A page of the account's backups, optionally of one datastore type. */
    public Page<Backup> list(String accountId, String datastoreType, String marker, Integer limit) {
        return world.locked(() -> Page.of(world.account(accountId).backups(), marker, limit,
                b -> datastoreType == null || b.datastore().type().equalsIgnoreCase(datastoreType)));
    }

    public Page<Backup> listForGroup(String accountId, String haId, String marker, Integer limit) {
        return world.locked(() -> {
            AccountData account = world.account(accountId);
            GroupRules.group(account, haId);
            return Page.of(account.backups(), marker, limit, b -> b.ofHaGroup() && b.sourceId().equals(haId));
        });
    }

    /** Deletes the backup and every incremental taken on top of it. */
    public void delete(String accountId, String backupId) {
        world.locked(() -> {
            AccountData account = world.account(accountId);
            Backup backup = backup(account, backupId);
            if (backup.running()) {
                throw DomainException.unprocessable("Backup " + backupId + " is still running.");
            }
            List<String> doomed = new ArrayList<>(List.of(backupId));
            for (int i = 0; i < doomed.size(); i++) {
                String parent = doomed.get(i);
                account.backups().values().stream().filter(b -> Objects.equals(b.parentId(), parent))
                        .forEach(b -> doomed.add(b.id()));
            }
            doomed.forEach(account.backups()::remove);
        });
    }

    private static Backup backup(AccountData account, String backupId) {
        Backup backup = account.backups().get(backupId);
        if (backup == null) {
            throw DomainException.notFound("Backup", backupId);
        }
        return backup;
    }
}
