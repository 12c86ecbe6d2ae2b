package io.hakit.server.domain;

import java.time.Instant;

/** A backup of an HA group (source type {@code ha}) or of a single instance (source type {@code instance}). */
public final class Backup {

    public enum Status { NEW, BUILDING, COMPLETED, FAILED, DELETE_FAILED }

    private final String id;
    private final String accountId;
    private final String name;
    private final String description;
    private final String sourceType;
    private final String sourceId;
    private final String parentId;
    private final Datastore datastore;
    private final int flavorRamMb;
    private final int volumeSize;
    private final Instant created;
    private Instant updated;
    private Status status;
    private Double sizeGb;
    private String locationRef;
    private PendingChange pending;

    public Backup(String id, String accountId, String name, String description, String sourceType, String sourceId,
            String parentId, Datastore datastore, int flavorRamMb, int volumeSize, Instant created) {
        this.id = id;
        this.accountId = accountId;
        this.name = name;
        this.description = description;
        this.sourceType = sourceType;
        this.sourceId = sourceId;
        this.parentId = parentId;
        this.datastore = datastore;
        this.flavorRamMb = flavorRamMb;
        this.volumeSize = volumeSize;
        this.created = created;
        this.updated = created;
        this.status = Status.NEW;
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

    public String description() {
        return description;
    }

    public String sourceType() {
        return sourceType;
    }

    public String sourceId() {
        return sourceId;
    }

    public boolean ofHaGroup() {
        return "ha".equals(sourceType);
    }

    public String parentId() {
        return parentId;
    }

    public Datastore datastore() {
        return datastore;
    }

    public int flavorRamMb() {
        return flavorRamMb;
    }

    public int volumeSize() {
        return volumeSize;
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }

    public Status status() {
        return status;
    }

    public void status(Status status, Instant at) {
        this.status = status;
        this.updated = at;
    }

    public Double sizeGb() {
        return sizeGb;
    }

    public String locationRef() {
        return locationRef;
    }

    public void completed(double sizeGb, String locationRef, Instant at) {
        this.sizeGb = sizeGb;
        this.locationRef = locationRef;
        status(Status.COMPLETED, at);
    }

    /** Restores what a dump recorded. */
    public void restore(Status status, Instant updated, Double sizeGb, String locationRef) {
        this.status = status;
        this.updated = updated;
        this.sizeGb = sizeGb;
        this.locationRef = locationRef;
    }

    public boolean running() {
        return status == Status.NEW || status == Status.BUILDING;
    }

    public PendingChange pending() {
        return pending;
    }

    public void pending(PendingChange pending) {
        this.pending = pending;
    }
}
