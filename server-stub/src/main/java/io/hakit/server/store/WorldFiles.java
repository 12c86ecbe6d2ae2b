package io.hakit.server.store;

import static io.hakit.server.domain.DomainException.shown;

import io.hakit.server.domain.Backup;
import io.hakit.server.domain.Catalog;
import io.hakit.server.domain.ConfigurationGroup;
import io.hakit.server.domain.Datastore;
import io.hakit.server.domain.DbInstance;
import io.hakit.server.domain.HaGroup;
import io.hakit.server.domain.HaState;
import io.hakit.server.domain.Limits;
import io.hakit.server.domain.PendingChange;
import io.hakit.server.domain.World;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Turns a world into its JSON form and back. Call inside {@link World#locked}. */
public final class WorldFiles {

    private WorldFiles() {}

    public static WorldFile dump(World world, Optional<String> onlyAccount) {
        List<WorldFile.Account> accounts = world.store().accounts().stream()
                .filter(a -> onlyAccount.map(a.id()::equals).orElse(true))
                .filter(a -> !isEmpty(a, world.defaultLimits())) // an account only read from holds nothing
                .map(WorldFiles::dump).toList();
        return new WorldFile(world.nextId(), world.catalog().legacyVersionsForNewGroups(), accounts);
    }

    /**
     * As {@link #load}, for a file from a client: one refused part way (a field missing, a state unknown) leaves the
     * world as it was, put back from a dump taken before. The kit's own files (its scenarios) need no dump.
     *
     * @throws IllegalArgumentException or NullPointerException when the file is not a world
     */
    public static void loadAllOrNothing(World world, WorldFile file, Optional<String> onlyAccount) {
        WorldFile before = dump(world, Optional.empty());
        try {
            load(world, file, onlyAccount);
        } catch (RuntimeException notAWorld) {
            load(world, before, Optional.empty());
            throw notAWorld;
        }
    }

    /** Replaces the world, or only {@code onlyAccount} (the file's other accounts are ignored then). */
    public static void load(World world, WorldFile file, Optional<String> onlyAccount) {
        WorldFileReferences.checkAccounts(file.accounts());
        for (WorldFile.Account account : nonNull(file.accounts())) {
            if (onlyAccount.map(account.id()::equals).orElse(true)) {
                WorldFileReferences.check(account); // before anything is replaced
                WorldFileValues.check(account, world.catalog());
            }
        }
        if (onlyAccount.isEmpty()) {
            world.store().clear();
            world.nextId(file.nextId() == null ? 1 : file.nextId());
            world.catalog(new Catalog(Boolean.TRUE.equals(file.legacyDatastoresForNewGroups())));
        } else {
            world.store().removeAccount(onlyAccount.get());
            if (file.nextId() != null && file.nextId() > world.nextId()) {
                world.nextId(file.nextId());
            }
        }
        for (WorldFile.Account account : nonNull(file.accounts())) {
            if (onlyAccount.map(account.id()::equals).orElse(true)) {
                load(world, account);
            }
        }
        world.rewatchAll();
    }

    private static boolean isEmpty(AccountData account, Limits defaults) {
        return account.groups().isEmpty() && account.instances().isEmpty() && account.backups().isEmpty()
                && account.configurations().isEmpty() && account.limits().equals(defaults);
    }

    private static WorldFile.Account dump(AccountData account) {
        Limits limits = account.limits();
        return new WorldFile.Account(
                account.id(),
                new WorldFile.Limits(limits.maxInstances(), limits.maxVolumeGb(), limits.rates().stream()
                        .map(r -> new WorldFile.Rate(r.method(), r.pathPattern(), r.perMinute())).toList()),
                account.configurations().values().stream().map(c -> new WorldFile.Configuration(c.id(), c.name(),
                        c.description(), datastore(c.datastore()), c.values())).toList(),
                account.instances().values().stream().map(i -> new WorldFile.Instance(i.id(), i.name(),
                        i.hostname(), i.status(), i.flavorId(), i.volumeSize(), datastore(i.datastore()), i.haId(),
                        i.replicaOf())).toList(),
                account.groups().values().stream().map(g -> new WorldFile.Group(g.id(), g.name(), g.tenantId(),
                        g.state().wireName(), datastore(g.datastore()), g.flavorId(), g.volumeSize(), g.sourceId(),
                        List.copyOf(g.replicaIds()), List.copyOf(g.acls()), new java.util.LinkedHashMap<>(g.endpoints()),
                        g.configurationId(), pending(g.pending()))).toList(),
                account.backups().values().stream().map(b -> new WorldFile.Backup(b.id(), b.name(), b.description(),
                        b.status().name(), b.sourceType(), b.sourceId(), b.parentId(), datastore(b.datastore()),
                        b.flavorRamMb(), b.volumeSize(), b.created(), b.updated(), b.sizeGb(), b.locationRef(),
                        pending(b.pending()))).toList());
    }

    private static void load(World world, WorldFile.Account file) {
        AccountData account = world.account(file.id()); // with the default limits, unless the file has its own
        if (file.limits() != null) {
            world.limits(account, new Limits(file.limits().maxInstances(), file.limits().maxVolumeGb(),
                    nonNull(file.limits().rates()).stream()
                            .map(r -> new Limits.RateLimit(r.method(), r.pathPattern(), r.perMinute())).toList()));
        }
        for (WorldFile.Configuration c : nonNull(file.configurations())) {
            account.configurations().put(c.id(), new ConfigurationGroup(c.id(), file.id(), c.name(), c.description(),
                    datastore(c.datastore()), c.values() == null ? Map.of() : c.values()));
        }
        for (WorldFile.Instance i : nonNull(file.instances())) {
            String hostname = i.hostname() != null ? i.hostname() : world.memberHostname(i.id());
            DbInstance instance = new DbInstance(i.id(), file.id(), i.name(), hostname,
                    i.status() == null ? "ACTIVE" : i.status(), i.flavorId(), i.volume(), datastore(i.datastore()));
            instance.haId(i.haId());
            instance.replicaOf(i.replicaOf());
            account.instances().put(i.id(), instance);
        }
        for (WorldFile.Group g : nonNull(file.haInstances())) {
            account.groups().put(g.id(), group(world, file.id(), g));
        }
        for (WorldFile.Backup b : nonNull(file.backups())) {
            Backup backup = new Backup(b.id(), file.id(), b.name(), b.description(), b.sourceType(), b.sourceId(),
                    b.parentId(), datastore(b.datastore()), b.flavorRam(), b.volumeSize(), b.created());
            backup.restore(Backup.Status.valueOf(b.status()), b.updated() == null ? b.created() : b.updated(),
                    b.size(), b.locationRef());
            backup.pending(pending(b.pending()));
            account.backups().put(b.id(), backup);
        }
    }

    private static HaGroup group(World world, String accountId, WorldFile.Group g) {
        HaGroup group = new HaGroup(g.id(), accountId, g.name(), HaState.fromWire(g.state()), datastore(g.datastore()),
                g.flavorId(), g.volume());
        if (g.tenantId() != null) {
            group.tenantId(g.tenantId());
        }
        group.sourceId(g.sourceId());
        group.replicaIds().addAll(nonNull(g.replicaIds()));
        group.acls().addAll(present(nonNull(g.acls()), "group " + shown(g.id()) + "'s ACLs"));
        if (g.endpoints() != null) {
            present(g.endpoints().keySet(), "group " + shown(g.id()) + "'s endpoint networks");
            present(g.endpoints().values(), "group " + shown(g.id()) + "'s endpoint addresses");
            group.endpoints().putAll(g.endpoints());
        } else {
            group.endpoints().put("servicenet", world.loadBalancerHostname(g.id(), "servicenet"));
        }
        group.configurationId(g.configurationId());
        group.pending(pending(g.pending()));
        return group;
    }

    private static WorldFile.Datastore datastore(Datastore d) {
        return new WorldFile.Datastore(d.type(), d.version());
    }

    private static Datastore datastore(WorldFile.Datastore d) {
        return new Datastore(d.type(), d.version());
    }

    private static WorldFile.Pending pending(PendingChange p) {
        return p == null ? null : new WorldFile.Pending(p.kind(), p.dueAt(), p.params());
    }

    private static PendingChange pending(WorldFile.Pending p) {
        return p == null ? null : new PendingChange(p.kind(), p.dueAt(), p.params() == null ? Map.of() : p.params());
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Loaded, a null in these had made every show and dump of the group a 500. */
    private static <C extends Collection<?>> C present(C values, String what) {
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(what + " hold a null");
        }
        return values;
    }
}
