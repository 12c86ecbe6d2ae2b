package io.hakit.server.store;

import io.hakit.server.domain.Backup;
import io.hakit.server.domain.ConfigurationGroup;
import io.hakit.server.domain.DbInstance;
import io.hakit.server.domain.HaGroup;
import io.hakit.server.domain.Limits;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything one account holds, by id, in the order it was created. */
public final class AccountData {

    private final String id;
    private final Map<String, HaGroup> groups = new LinkedHashMap<>();
    private final Map<String, DbInstance> instances = new LinkedHashMap<>();
    private final Map<String, Backup> backups = new LinkedHashMap<>();
    private final Map<String, ConfigurationGroup> configurations = new LinkedHashMap<>();
    private Limits limits = Limits.NONE;

    public AccountData(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public Map<String, HaGroup> groups() {
        return groups;
    }

    public Map<String, DbInstance> instances() {
        return instances;
    }

    public Map<String, Backup> backups() {
        return backups;
    }

    public Map<String, ConfigurationGroup> configurations() {
        return configurations;
    }

    public Limits limits() {
        return limits;
    }

    public void limits(Limits limits) {
        this.limits = limits;
    }
}
