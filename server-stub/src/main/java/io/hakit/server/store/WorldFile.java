package io.hakit.server.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a world: what {@code GET /_emulator/state} writes and {@code PUT /_emulator/state},
 * {@code --world FILE} and the built-in scenarios read. Optional fields may be left out of a hand-written file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorldFile(Long nextId, Boolean legacyDatastoresForNewGroups, List<Account> accounts) {

    /** Whether the file gives this account. */
    public boolean holds(String accountId) {
        return accounts != null && accounts.stream().anyMatch(account -> account != null && accountId.equals(account.id()));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Account(
            String id,
            Limits limits,
            List<Configuration> configurations,
            List<Instance> instances,
            List<Group> haInstances,
            List<Backup> backups) {}

    public record Datastore(String type, String version) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limits(Integer maxInstances, Integer maxVolumeGb, List<Rate> rates) {}

    public record Rate(String method, String pathPattern, int perMinute) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Configuration(String id, String name, String description, Datastore datastore, Map<String, Object> values) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Instance(
            String id, String name, String hostname, String status, String flavorId, int volume, Datastore datastore,
            String haId, String replicaOf) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pending(String kind, Instant dueAt, Map<String, String> params) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(
            String id, String name, String tenantId, String state, Datastore datastore, int flavorId, int volume,
            String sourceId, List<String> replicaIds, List<String> acls, Map<String, String> endpoints,
            String configurationId, Pending pending) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Backup(
            String id, String name, String description, String status, String sourceType, String sourceId,
            String parentId, Datastore datastore, int flavorRam, int volumeSize, Instant created, Instant updated,
            Double size, String locationRef, Pending pending) {}
}
