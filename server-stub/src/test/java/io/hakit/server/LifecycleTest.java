package io.hakit.server;

import static io.hakit.server.TestServer.action;
import static io.hakit.server.TestServer.activeGroup;
import static io.hakit.server.TestServer.advance;
import static io.hakit.server.TestServer.api;
import static io.hakit.server.TestServer.group;
import static io.hakit.server.TestServer.ha;
import static io.hakit.server.TestServer.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every asynchronous operation moves the group through its documented states and back, on the test's clock. */
class LifecycleTest {

    @BeforeEach
    void documentedWorldFrozenClock() {
        TestServer.resetDocumented();
        TestServer.freeze();
    }

    @Test
    void aNewGroupBuildsThenIsActiveWithItsMembersAndEndpoints() {
        JsonNode created = TestServer.json(api().body(TestServer.newGroupBody("lifecycle").toString()).post(ha(""))
                .then().statusCode(202).extract().response()).get("ha_instance");
        String id = created.get("id").asText();
        assertThat(created.get("state").asText()).isEqualTo("BUILD");
        assertThat(created.get("replicas")).isEmpty();
        assertThat(created.get("networks")).isEmpty();

        advance(0.5);
        assertThat(state(id)).isEqualTo("BUILD");
        advance(0.5);
        JsonNode active = group(id);
        assertThat(active.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("replica_source")).hasSize(1);
        assertThat(active.get("replicas")).hasSize(1);
        assertThat(active.at("/replicas/0/status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("networks")).hasSize(4); // read and write, on servicenet and public
        assertThat(active.at("/replica_source/0/replicas/0/id")).isEqualTo(active.at("/replicas/0/id"));
    }

    @Test
    void addingAReplicaPassesThroughAddingReplica() {
        String id = activeGroup("add");
        action(id, TestServer.documentedBody("addReplica").toString()).then().statusCode(202);
        assertThat(state(id)).isEqualTo("ADDING_REPLICA");
        advance(1);
        assertThat(state(id)).isEqualTo("ACTIVE");
        assertThat(group(id).get("replicas")).hasSize(2);
    }

    @Test
    void removingAReplicaDetachesItIntoAStandaloneInstance() {
        String id = activeGroup("remove");
        action(id, TestServer.documentedBody("addReplica").toString()).then().statusCode(202);
        advance(1);
        String replica = group(id).at("/replicas/1/id").asText();

        action(id, "{\"remove_replica\": \"" + replica + "\"}").then().statusCode(202);
        JsonNode removing = group(id);
        assertThat(removing.get("state").asText()).isEqualTo("REMOVING_REPLICA");
        assertThat(statusOf(removing, replica)).isEqualTo("DETACH_REPLICA");

        advance(1);
        JsonNode after = group(id);
        assertThat(after.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(after.get("replicas")).hasSize(1);
        JsonNode detached = TestServer.json(api().get("/v1.0/1234/instances/" + replica).then().statusCode(200)
                .extract().response()).get("instance");
        assertThat(detached.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(detached.has("ha_id")).isFalse();
    }

    @Test
    void resizingVolumesGrowsEveryNode() {
        String id = activeGroup("volume");
        action(id, "{\"resize_volumes\": {\"size\": 20}}").then().statusCode(202);
        assertThat(state(id)).isEqualTo("RESIZING_VOLUME");
        assertThat(group(id).at("/volume/size").asInt()).isEqualTo(1);
        advance(1);
        JsonNode after = group(id);
        assertThat(after.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(after.at("/volume/size").asInt()).isEqualTo(20);
        assertThat(after.at("/replicas/0/volume/size").asInt()).isEqualTo(20);
        assertThat(after.at("/replica_source/0/volume/size").asInt()).isEqualTo(20);
    }

    @Test
    void resizingTheFlavorMovesEveryNode() {
        String id = activeGroup("flavor");
        action(id, "{\"resize_flavor\": \"4\"}").then().statusCode(202);
        assertThat(state(id)).isEqualTo("RESIZING_FLAVOR");
        advance(1);
        JsonNode after = group(id);
        assertThat(after.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(after.at("/flavor/id").asInt()).isEqualTo(4);
        assertThat(after.at("/replicas/0/flavor/id").asText()).isEqualTo("4");
    }

    @Test
    void restartingRebootsThenIsActive() {
        String id = activeGroup("restart");
        action(id, "{\"restart\": {}}").then().statusCode(202);
        assertThat(state(id)).isEqualTo("REBOOT");
        advance(1);
        assertThat(state(id)).isEqualTo("ACTIVE");
    }

    @Test
    void upgradingAnswersUpgradingOnTheOldVersionThenMoves() {
        String id = "67a59adb-d678-4092-b9a9-8cbe4ca39b4b"; // MySQL 5.6 in the documented world
        JsonNode answer = TestServer.json(action(id, TestServer.documentedBody("upgradeHaInstance").toString())
                .then().statusCode(202).extract().response()).get("ha_instance");
        assertThat(answer.get("state").asText()).isEqualTo("UPGRADING");
        assertThat(answer.at("/datastore/version").asText()).isEqualTo("5.6");
        advance(1);
        JsonNode after = group(id);
        assertThat(after.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(after.at("/datastore/version").asText()).isEqualTo("5.7");
        assertThat(after.at("/replicas/0/datastore/version").asText()).isEqualTo("5.7");
    }

    @Test
    void aBackupMovesTheGroupToBackupAndTheBackupToCompleted() {
        String id = activeGroup("backup");
        var body = TestServer.documentedBody("createBackup");
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.at("/backup/source")).put("id", id);
        String backup = api().body(body.toString()).post("/v1.0/1234/backups").then().statusCode(202)
                .extract().path("backup.id");
        assertThat(state(id)).isEqualTo("BACKUP");
        assertThat(backupStatus(backup)).isEqualTo("NEW");
        advance(0.5);
        assertThat(backupStatus(backup)).isEqualTo("BUILDING");
        advance(0.5);
        JsonNode completed = TestServer.json(api().get("/v1.0/1234/backups/" + backup).then().statusCode(200)
                .extract().response()).get("backup");
        assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.get("size").isNumber()).isTrue();
        assertThat(completed.get("locationRef").asText()).endsWith(backup + ".xbstream.gz");
        assertThat(state(id)).isEqualTo("ACTIVE");
        List<String> listed = api().get(ha("/" + id + "/backups")).then().statusCode(200).extract().path("backups.id");
        assertThat(listed).containsExactly(backup);
    }

    /** A backup has two steps: the second is timed from when the first fell due, not from when the clock got there. */
    @Test
    void oneAdvancePastABackupsWholeDurationCompletesIt() {
        String id = activeGroup("backup-at-once");
        var body = TestServer.documentedBody("createBackup");
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.at("/backup/source")).put("id", id);
        String backup = api().body(body.toString()).post("/v1.0/1234/backups").then().statusCode(202)
                .extract().path("backup.id");
        advance(3600);
        assertThat(backupStatus(backup)).isEqualTo("COMPLETED");
        assertThat(state(id)).isEqualTo("ACTIVE");
    }

    @Test
    void deletingGoesThroughDeletingThenTheGroupIsGone() {
        String id = activeGroup("delete");
        api().delete(ha("/" + id)).then().statusCode(202);
        assertThat(state(id)).isEqualTo("DELETING");
        advance(1);
        api().get(ha("/" + id)).then().statusCode(404);
        List<String> ids = api().get(ha("")).then().extract().path("ha_instances.id");
        assertThat(ids).doesNotContain(id);
    }

    @Test
    void aConfigurationWithStaticParametersRequiresARestartWhichClearsIt() {
        String id = "3a493f8c-9b9c-4ca1-845b-e3689abb1f5c"; // MySQL 5.6, like the configuration groups
        String staticConfiguration = "5c0e2f7a-9d3b-4e1c-8a6f-2b4d6e8f0a1c";
        api().body("{\"ha_instance\": {\"configuration\": \"" + staticConfiguration + "\"}}").patch(ha("/" + id))
                .then().statusCode(202);
        assertThat(state(id)).isEqualTo("RESTART_REQUIRED");
        assertThat(group(id).at("/configuration/id").asText()).isEqualTo(staticConfiguration);
        // K3: RESTART_REQUIRED takes a restart and nothing else, a configuration change neither
        api().body(TestServer.documentedBody("detachConfiguration").toString()).patch(ha("/" + id)).then().statusCode(422);
        assertThat(group(id).at("/configuration/id").asText()).isEqualTo(staticConfiguration);
        action(id, "{\"restart\": {}}").then().statusCode(202);
        assertThat(state(id)).isEqualTo("REBOOT");
        advance(1);
        assertThat(state(id)).isEqualTo("ACTIVE");

        api().body(TestServer.documentedBody("detachConfiguration").toString()).patch(ha("/" + id)).then().statusCode(202);
        assertThat(state(id)).isEqualTo("RESTART_REQUIRED");
        assertThat(group(id).get("configuration").isNull()).isTrue();
    }

    @Test
    void aDynamicConfigurationLeavesTheGroupActive() {
        String id = "3a493f8c-9b9c-4ca1-845b-e3689abb1f5c";
        api().body(TestServer.documentedBody("attachConfiguration").toString()).patch(ha("/" + id)).then().statusCode(202);
        assertThat(state(id)).isEqualTo("ACTIVE");
        assertThat(group(id).at("/configuration/name").asText()).isEqualTo("database-configuration-1");
    }

    @Test
    void convertingAReplicationSetupBuildsAGroupFromItsInstances() {
        JsonNode converted = TestServer.json(api().body(TestServer.documentedBody("convertToHa").toString())
                .post("/v1.0/1234/instances/6e5f4d3c-2b1a-4c9d-8e7f-6a5b4c3d2e1f/action") // the replica works too
                .then().statusCode(202).extract().response()).get("ha_instance");
        String id = converted.get("id").asText();
        assertThat(converted.get("state").asText()).isEqualTo("BUILD");
        assertThat(converted.at("/replica_source/0/status").asText()).isEqualTo("CONVERT_TO_HA");
        assertThat(converted.at("/replica_source/0/id").asText()).isEqualTo("5d4f4c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f");
        advance(1);
        JsonNode after = group(id);
        assertThat(after.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(after.at("/replicas/0/status").asText()).isEqualTo("ACTIVE");
        List<String> networks = new ArrayList<>();
        after.get("networks").forEach(n -> networks.add(n.get("network").asText()));
        assertThat(networks).containsOnly("servicenet", "public");
    }

    private static String statusOf(JsonNode group, String memberId) {
        for (JsonNode replica : group.get("replicas")) {
            if (replica.get("id").asText().equals(memberId)) {
                return replica.get("status").asText();
            }
        }
        throw new AssertionError(memberId + " is not a replica of " + group.get("id"));
    }

    private static String backupStatus(String id) {
        return api().get("/v1.0/1234/backups/" + id).then().statusCode(200).extract().path("backup.status");
    }
}
