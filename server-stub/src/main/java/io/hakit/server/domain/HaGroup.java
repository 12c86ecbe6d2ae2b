package io.hakit.server.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An HA group: a source and one or two replicas (instances, kept by id), load-balanced endpoints per network, ACLs,
 * an optional configuration group, and at most one change in progress.
 */
public final class HaGroup {

    private final String id;
    private final String accountId;
    private String tenantId;
    private String name;
    private HaState state;
    private Datastore datastore;
    private int flavorId;
    private int volumeSize;
    private String sourceId;
    private final List<String> replicaIds = new ArrayList<>();
    private final Set<String> acls = new LinkedHashSet<>();
    /** Network name to the host name of its load balancer's virtual IP. */
    private final Map<String, String> endpoints = new LinkedHashMap<>();
    private String configurationId;
    private PendingChange pending;

    public HaGroup(String id, String accountId, String name, HaState state, Datastore datastore, int flavorId,
            int volumeSize) {
        this.id = id;
        this.accountId = accountId;
        this.tenantId = accountId;
        this.name = name;
        this.state = state;
        this.datastore = datastore;
        this.flavorId = flavorId;
        this.volumeSize = volumeSize;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String tenantId() {
        return tenantId;
    }

    /** Only a loaded world sets another tenant id than the account's (the seed's details example does). */
    public void tenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String name() {
        return name;
    }

    public HaState state() {
        return state;
    }

    public void state(HaState state) {
        this.state = state;
    }

    public Datastore datastore() {
        return datastore;
    }

    public void datastore(Datastore datastore) {
        this.datastore = datastore;
    }

    public int flavorId() {
        return flavorId;
    }

    public void flavorId(int flavorId) {
        this.flavorId = flavorId;
    }

    public int volumeSize() {
        return volumeSize;
    }

    public void volumeSize(int volumeSize) {
        this.volumeSize = volumeSize;
    }

    public String sourceId() {
        return sourceId;
    }

    public void sourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public List<String> replicaIds() {
        return replicaIds;
    }

    public Set<String> acls() {
        return acls;
    }

    public Map<String, String> endpoints() {
        return endpoints;
    }

    public String configurationId() {
        return configurationId;
    }

    public void configurationId(String configurationId) {
        this.configurationId = configurationId;
    }

    public PendingChange pending() {
        return pending;
    }

    public void pending(PendingChange pending) {
        this.pending = pending;
    }

    /** Every member: the source first, then the replicas. */
    public List<String> memberIds() {
        List<String> ids = new ArrayList<>();
        if (sourceId != null) {
            ids.add(sourceId);
        }
        ids.addAll(replicaIds);
        return ids;
    }
}
