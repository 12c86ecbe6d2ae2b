package io.hakit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.contract.api.HaApi;
import io.hakit.contract.edge.ProbeRoute;
import io.hakit.openapi.HaContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resources the negative testing and the edge probes aim at: an ACTIVE group of the gate's own with one ACL, one of its
 * members, the gate's flavor, a configuration group if there is one. Deletes aim at made-up ids instead, so that
 * the fixture stays for the whole run; the clean-up deletes it at the end.
 */
public final class Fixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    static final String ACL = "10.99.99.99/32";
    /** The ACL address in the path as the document writes it: the "/" triple-encoded. */
    static final String ACL_IN_PATH = "10.99.99.99%25252F32";
    private static final Set<String> DELETES = Set.of("deleteHaInstance", "deleteHaAcl", "deleteBackup");

    private final GateConfig config;
    private final String groupId;
    private final String memberId;
    private final Optional<String> configurationId;

    private Fixture(GateConfig config, String groupId, String memberId, Optional<String> configurationId) {
        this.config = config;
        this.groupId = groupId;
        this.memberId = memberId;
        this.configurationId = configurationId;
    }

    /** Creates the fixture group (registered for clean-up) and waits until it is ACTIVE. */
    public static Fixture create(Target target, ObjectNode createBody) {
        HaApi api = target.api();
        String id = api.createGroup(createBody).expect(202).text("/ha_instance/id");
        target.cleanup().group(id);
        target.waiter().until("the negative testing's HA instance " + id + " to be ACTIVE",
                () -> "ACTIVE".equals(api.showGroup(id).expect(200).text("/ha_instance/state")));
        api.addAcl(id, JSON.createObjectNode().put("address", ACL)).expect(200);
        String member = api.showGroup(id).expect(200).text("/ha_instance/replicas/0/id");
        return new Fixture(target.config(), id, member, target.config().configurationId());
    }

    public String groupId() {
        return groupId;
    }

    /** A path parameter's value: the fixture's, the gate's, or null for a made-up one (always, for a delete). */
    public String value(String operationId, String name) {
        return switch (name) {
            case "version" -> GateConfig.VERSION;
            case "accountId" -> config.accountId();
            case "haId" -> DELETES.contains(operationId) ? null : groupId;
            case "address" -> DELETES.contains(operationId) ? null : ACL_IN_PATH;
            case "instanceId" -> operationId.equals("showInstance") ? memberId : null;
            case "flavorId" -> config.flavor();
            case "configurationId" -> configurationId.orElse(null);
            default -> null;
        };
    }

    /**
     * What a refused request must leave as it was: the group's state, size, members, configuration and ACLs. Read
     * with a plain client, not judged (the reads are not what is being tested, and they are many).
     */
    public Optional<String> snapshot() {
        return snapshot(true);
    }

    /**
     * The same after a refused request, in whatever state the group is: a group that was ACTIVE before and is in a
     * transition now was changed by what was refused (a resize started, a restart begun), which is the very thing
     * the check is for. Empty only when it cannot be read.
     */
    public Optional<String> snapshotInAnyState() {
        return snapshot(false);
    }

    private Optional<String> snapshot(boolean settledOnly) {
        Read read = read(config.path("/ha/" + groupId));
        if (read.status() == 404) {
            return Optional.of("(gone)"); // a refused request that deleted the group changed it
        }
        JsonNode group = read.body().path("ha_instance");
        Read acls = read(config.path("/ha/" + groupId + "/acls"));
        if (settledOnly && !"ACTIVE".equals(group.path("state").asText()) || acls.status() != 200) {
            return Optional.empty(); // in a transition, or unreadable (a rate limit, a timeout): nothing to compare
        }
        ObjectNode kept = JSON.createObjectNode();
        for (String field : new String[] {"state", "flavor", "volume", "replicas", "replica_source", "configuration", "datastore", "name"}) {
            kept.set(field, group.path(field).deepCopy());
        }
        kept.set("acls", acls.body().path("acls"));
        return Optional.of(kept.toString());
    }

    /** A plain read's status (0 when there was no answer) and body (missing unless a 200 answered JSON). */
    private record Read(int status, JsonNode body) {}

    private Read read(String path) {
        try {
            java.net.http.HttpResponse<String> response = Deadlines.send(HTTP, java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(config.baseUrl() + path)).header("X-Auth-Token", config.token())
                    .header("Accept", "application/json").timeout(config.requestTimeout()).build(),
                    AnswerLimit.string(), config.requestTimeout());
            return new Read(response.statusCode(), response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.missingNode());
        } catch (java.io.IOException e) {
            return new Read(0, JSON.missingNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Read(0, JSON.missingNode());
        }
    }

    /**
     * Every HTTP operation the gate judges, as a valid request to the fixture is written (its documented body, on
     * the gate's flavor), for the edge probes.
     */
    public List<ProbeRoute> routes(HaContract contract, java.util.function.Predicate<String> judged) {
        List<ProbeRoute> routes = new ArrayList<>();
        for (HaContract.HttpOperation op : contract.httpOperations()) {
            boolean judgedOperation = contract.namedOperations().stream()
                    .anyMatch(named -> named.carrier().operationId().equals(op.operationId()) && (named.supporting() || judged.test(named.name())));
            if (!judgedOperation) {
                continue;
            }
            String path = op.pathTemplate();
            for (String name : List.of("version", "accountId", "haId", "address", "backupId", "instanceId", "flavorId",
                    "configurationId")) {
                if (path.contains("{" + name + "}")) {
                    String value = value(op.operationId(), name);
                    path = path.replace("{" + name + "}", value == null ? "00000000-0000-4000-8000-000000000000" : value);
                }
            }
            Optional<String> body = contract.documentedExchanges().stream()
                    .filter(e -> e.carrier().operationId().equals(op.operationId())).findFirst()
                    .flatMap(HaContract.DocumentedExchange::requestBody).map(JsonNode::toString);
            routes.add(new ProbeRoute(op.operationId(), op.method().toUpperCase(java.util.Locale.ROOT), path, body,
                    ProbeRoute.secured(op), op.pathTemplate().contains("{accountId}"), false,
                    contract.httpOperations().stream().filter(o -> o.pathTemplate().equals(op.pathTemplate()))
                            .map(o -> o.method().toUpperCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet())));
        }
        return routes;
    }
}
