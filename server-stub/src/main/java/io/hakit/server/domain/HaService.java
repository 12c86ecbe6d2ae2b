package io.hakit.server.domain;

import io.hakit.server.store.AccountData;
import java.util.function.Function;

/** The emulated service: the world and the operations on it, one object per area. */
public final class HaService {

    private final World world;
    private final HaGroups groups;
    private final HaAcls acls;
    private final HaActions actions;
    private final Configurations configurations;
    private final Backups backups;
    private final ReplicationSetups replicationSetups;
    private final Failovers failovers;
    private final Instances instances;

    public HaService(World world) {
        this.world = world;
        this.groups = new HaGroups(world);
        this.acls = new HaAcls(world);
        this.actions = new HaActions(world, groups);
        this.configurations = new Configurations(world);
        this.backups = new Backups(world);
        this.replicationSetups = new ReplicationSetups(world);
        this.failovers = new Failovers(world, groups);
        this.instances = new Instances(world);
    }

    public World world() {
        return world;
    }

    public HaGroups groups() {
        return groups;
    }

    public HaAcls acls() {
        return acls;
    }

    public HaActions actions() {
        return actions;
    }

    public Configurations configurations() {
        return configurations;
    }

    public Backups backups() {
        return backups;
    }

    public ReplicationSetups replicationSetups() {
        return replicationSetups;
    }

    public Failovers failovers() {
        return failovers;
    }

    public Instances instances() {
        return instances;
    }

    /** Reads an account consistently: {@code view} runs under the world's lock, after what is due completes. */
    public <T> T read(String accountId, Function<AccountData, T> view) {
        return world.locked(() -> view.apply(world.account(accountId)));
    }

    /** Reads what a change of this request just left, before anything else completes. */
    public <T> T asLeft(String accountId, Function<AccountData, T> view) {
        return world.lockedAsLeft(() -> view.apply(world.account(accountId)));
    }
}
