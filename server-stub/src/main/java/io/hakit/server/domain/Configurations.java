package io.hakit.server.domain;

import io.hakit.server.store.AccountData;
import java.util.List;
import java.util.Map;

/** Attach and detach configuration groups, and read them. */
public final class Configurations {

    private final World world;

    public Configurations(World world) {
        this.world = world;
    }

    /** The account's configuration group, which must be for the group's datastore type. */
    static ConfigurationGroup matching(AccountData account, String configurationId, Datastore datastore) {
        ConfigurationGroup configuration = account.configurations().get(configurationId);
        if (configuration == null) {
            throw DomainException.notFound("Configuration group", configurationId);
        }
        if (!configuration.datastore().type().equals(datastore.type())) {
            throw DomainException.unprocessable("Configuration group " + configurationId + " is for "
                    + configuration.datastore().type() + ", not " + datastore.type() + ".");
        }
        return configuration;
    }

    /**
     * K33 on an upgrade: a group whose datastore type changes (MySQL 5.6 to MariaDB 10.4enc) cannot keep a
     * configuration group of its old type, so the upgrade is refused (422) until it is detached.
     */
    static void requireAttachedFits(AccountData account, HaGroup group, Datastore target) {
        ConfigurationGroup attached = group.configurationId() == null ? null
                : account.configurations().get(group.configurationId());
        if (attached != null && !attached.datastore().type().equals(target.type())) {
            throw DomainException.unprocessable("HA instance " + group.id() + " has configuration group "
                    + attached.id() + " for " + attached.datastore().type() + " attached, which cannot stay on "
                    + target.type() + "; detach it before the upgrade.");
        }
    }

    /**
     * A new configuration group of the account, for a datastore the catalog knows (404 otherwise). Configuration
     * groups have no create call in the HA API; the control API adds them so that a test can start from nothing.
     */
    public ConfigurationGroup create(String accountId, String name, String description, String type, String version,
            Map<String, Object> values) {
        return world.locked(() -> {
            Datastore datastore = world.catalog().datastore(type, version);
            ConfigurationGroup configuration = new ConfigurationGroup(world.newId(), accountId, name,
                    description == null ? "" : description, datastore, values);
            world.account(accountId).configurations().put(configuration.id(), configuration);
            return configuration;
        });
    }

    public void attach(String accountId, String haId, String configurationId) {
        world.locked(() -> {
            AccountData account = world.account(accountId);
            HaGroup group = GroupRules.group(account, haId);
            GroupRules.requireState(group, "attach a configuration group", HaState.ACTIVE); // K3
            ConfigurationGroup configuration = matching(account, configurationId, group.datastore());
            if (group.configurationId() != null) {
                throw DomainException.unprocessable("HA instance " + haId + " already has configuration group "
                        + group.configurationId() + " attached; detach it first.");
            }
            group.configurationId(configuration.id());
            if (configuration.needsRestart()) {
                group.state(HaState.RESTART_REQUIRED);
            }
        });
    }

    public void detach(String accountId, String haId) {
        world.locked(() -> {
            AccountData account = world.account(accountId);
            HaGroup group = GroupRules.group(account, haId);
            GroupRules.requireState(group, "detach a configuration group", HaState.ACTIVE); // K3
            if (group.configurationId() == null) {
                throw DomainException.unprocessable("HA instance " + haId + " has no configuration group attached.");
            }
            ConfigurationGroup detached = account.configurations().get(group.configurationId());
            group.configurationId(null);
            if (detached != null && detached.needsRestart()) {
                group.state(HaState.RESTART_REQUIRED);
            }
        });
    }

    public Page<ConfigurationGroup> list(String accountId, String marker, Integer limit) {
        return world.locked(() -> Page.of(world.account(accountId).configurations(), marker, limit));
    }

    public ConfigurationGroup show(String accountId, String configurationId) {
        return world.locked(() -> {
            ConfigurationGroup configuration = world.account(accountId).configurations().get(configurationId);
            if (configuration == null) {
                throw DomainException.notFound("Configuration group", configurationId);
            }
            return configuration;
        });
    }

    /** Adds a configuration group to an account (worlds and tests; the HA API has no create). */
    public ConfigurationGroup add(String accountId, String name, Datastore datastore, Map<String, Object> values) {
        return world.locked(() -> {
            ConfigurationGroup configuration = new ConfigurationGroup(world.newId(), accountId, name, null, datastore, values);
            world.account(accountId).configurations().put(configuration.id(), configuration);
            return configuration;
        });
    }
}
