package io.hakit.server.domain;

/**
 * A database instance: a member of an HA group ({@link #haId()} set), or a standalone instance, which may be the
 * source or a replica ({@link #replicaOf()} set) of a replication setup.
 */
public final class DbInstance {

    private final String id;
    private final String accountId;
    private final String hostname;
    private String name;
    private String status;
    private String flavorId;
    private int volumeSize;
    private Datastore datastore;
    private String haId;
    private String replicaOf;

    public DbInstance(String id, String accountId, String name, String hostname, String status, String flavorId,
            int volumeSize, Datastore datastore) {
        this.id = id;
        this.accountId = accountId;
        this.name = name;
        this.hostname = hostname;
        this.status = status;
        this.flavorId = flavorId;
        this.volumeSize = volumeSize;
        this.datastore = datastore;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public String hostname() {
        return hostname;
    }

    public String status() {
        return status;
    }

    public void status(String status) {
        this.status = status;
    }

    public String flavorId() {
        return flavorId;
    }

    public void flavorId(String flavorId) {
        this.flavorId = flavorId;
    }

    public int volumeSize() {
        return volumeSize;
    }

    public void volumeSize(int volumeSize) {
        this.volumeSize = volumeSize;
    }

    public Datastore datastore() {
        return datastore;
    }

    public void datastore(Datastore datastore) {
        this.datastore = datastore;
    }

    public String haId() {
        return haId;
    }

    public void haId(String haId) {
        this.haId = haId;
    }

    public String replicaOf() {
        return replicaOf;
    }

    public void replicaOf(String replicaOf) {
        this.replicaOf = replicaOf;
    }

    public boolean isStandalone() {
        return haId == null;
    }
}
