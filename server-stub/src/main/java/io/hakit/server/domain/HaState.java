package io.hakit.server.domain;

import java.util.Arrays;

/** The states of an HA group, with their wire names (one has a hyphen). */
public enum HaState {
    BUILD, ACTIVE, BACKUP, ADDING_REPLICA, REMOVING_REPLICA, RESTART_REQUIRED, REBOOT, DELETING, DELETED,
    RESIZING_VOLUME, RESIZING_FLAVOR, UPGRADING, FORCING_FAILOVER, DISABLING_FAILOVER, ENABLING_FAILOVER,
    FAILOVER_DISABLED, UPDATING_PROXY_NODES, HA_FAILOVER, ERROR, ADD_REPLICA_FAIL, REMOVE_REPLICA_ERROR,
    DELETION_ERROR("DELETION-ERROR"), UPDATE_PROXY_NODES_ERROR, REPLICATION_ERROR, RESIZE_FLAVOR_ERROR,
    VOLUME_RESIZE_ERROR;

    private final String wireName;

    HaState() {
        this.wireName = name();
    }

    HaState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static HaState fromWire(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown HA state " + wireName));
    }

    /** Error states: the service set them, and the only thing a group in one of them takes is a delete. */
    public boolean isError() {
        return this == ERROR || wireName.endsWith("_ERROR") || wireName.endsWith("-ERROR") || this == ADD_REPLICA_FAIL;
    }
}
