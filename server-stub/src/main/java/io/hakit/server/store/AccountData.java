package io.hakit.server.store;

import io.hakit.server.domain.Backup;
import io.hakit.server.domain.ConfigurationGroup;
import io.hakit.server.domain.DbInstance;
import io.hakit.server.domain.HaGroup;
import io.hakit.server.domain.Limits;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Everything one account holds, by id, ordered by id (the order lists and their pages follow). */
public final class AccountData {

    private final String id;
    private final NavigableMap<String, HaGroup> groups = new TreeMap<>();
    private final NavigableMap<String, DbInstance> instances = new TreeMap<>();
    private final NavigableMap<String, Backup> backups = new TreeMap<>();
    private final NavigableMap<String, ConfigurationGroup> configurations = new TreeMap<>();
    private Limits limits = Limits.NONE;

    public AccountData(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public NavigableMap<String, HaGroup> groups() {
        return groups;
    }

    public NavigableMap<String, DbInstance> instances() {
        return instances;
    }

    public NavigableMap<String, Backup> backups() {
        return backups;
    }

    public NavigableMap<String, ConfigurationGroup> configurations() {
        return configurations;
    }

    /** Whether anything of this account (a group, an instance, a backup, a configuration) has this id. */
    public boolean holds(String id) {
        return groups.containsKey(id) || instances.containsKey(id) || backups.containsKey(id)
                || configurations.containsKey(id);
    }

    public Limits limits() {
        return limits;
    }

    public void limits(Limits limits) {
        this.limits = limits;
    }
}
