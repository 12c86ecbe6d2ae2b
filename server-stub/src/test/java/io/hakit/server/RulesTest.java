package io.hakit.server;

import static io.hakit.server.Refusals.assertRefused;
import static io.hakit.server.TestServer.action;
import static io.hakit.server.TestServer.activeGroup;
import static io.hakit.server.TestServer.advance;
import static io.hakit.server.TestServer.api;
import static io.hakit.server.TestServer.ha;
import static io.hakit.server.TestServer.newGroupBody;
import static io.hakit.server.TestServer.raw;
import static io.hakit.server.TestServer.world;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented rules, each with its code and fault, and a world that a refusal leaves untouched. */
class RulesTest {

    private static final String HA_1 = "e7fdf90b-7140-4edb-b449-e093d55008fb";
    /** The documented replication source, a single instance. */
    private static final String SOURCE = "5d4f4c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f";

    @BeforeEach
    void documentedWorldFrozenClock() {
        TestServer.resetDocumented();
        TestServer.freeze();
    }

    private static io.restassured.response.Response create(Consumer<ObjectNode> change) {
        ObjectNode body = newGroupBody("rules");
        change.accept((ObjectNode) body.get("ha"));
        return api().body(body.toString()).post(ha(""));
    }

    @Test
    void noAclsWhileTheGroupBuilds() {
        String id = api().body(newGroupBody("building").toString()).post(ha("")).then().statusCode(202)
                .extract().path("ha_instance.id");
        String message = assertRefused(422, () -> api().body("{\"address\": \"10.1.2.3/32\"}").post(ha("/" + id + "/acls")));
        assertThat(message).contains("BUILD");
        advance(1);
        api().body("{\"address\": \"10.1.2.3/32\"}").post(ha("/" + id + "/acls")).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 301, -1})
    void volumesOutsideOneTo300AreBadRequests(int size) {
        assertRefused(400, () -> create(ha -> ((ObjectNode) ha.at("/replicas/0/volume")).put("size", size)));
        assertRefused(400, () -> action(HA_1, "{\"resize_volumes\": {\"size\": " + size + "}}"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 300})
    void volumesOfOneAnd300AreAccepted(int size) {
        create(ha -> {
            ((ObjectNode) ha.at("/replicas/0/volume")).put("size", size);
            ((ObjectNode) ha.at("/replica_source/0/volume")).put("size", size);
        }).then().statusCode(202);
    }

    @Test
    void volumesOnlyGrow() {
        assertRefused(422, () -> action(HA_1, "{\"resize_volumes\": {\"size\": 1}}"));
        action(HA_1, "{\"resize_volumes\": {\"size\": 2}}").then().statusCode(202);
    }

    @Test
    void namesAreOneTo255CodePointsOfAnyKind() {
        String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 units, four UTF-8 bytes
        create(ha -> ha.put("name", emoji.repeat(255))).then().statusCode(202);
        create(ha -> ha.put("name", "é名 ;DROP TABLE\u0000\"'/\\".repeat(20).substring(0, 255))).then().statusCode(202);
        assertRefused(400, () -> create(ha -> ha.put("name", emoji.repeat(256))));
        assertRefused(400, () -> create(ha -> ha.put("name", "x".repeat(256))));
        assertRefused(400, () -> create(ha -> ha.put("name", "")));
    }

    @Test
    void aGroupHasOneOrTwoReplicas() {
        assertRefused(400, () -> create(ha -> ha.putArray("replicas")));
        assertRefused(400, () -> create(ha -> {
            var replicas = ha.withArray("replicas");
            replicas.add(replicas.get(0).deepCopy());
            replicas.add(replicas.get(0).deepCopy());
        }));
        String addReplica = TestServer.documentedBody("addReplica").toString();
        action(HA_1, addReplica).then().statusCode(202);
        advance(1);
        String message = assertRefused(422, () -> action(HA_1, addReplica));
        assertThat(message).contains("2 replicas");
    }

    @Test
    void aGroupKeepsOneReplica() {
        assertRefused(422, () -> action(HA_1, "{\"remove_replica\": \"4eeeb7a6-0dee-4e66-b433-f6462d45c580\"}"));
    }

    @Test
    void flavorsMustExistAndHaveOneGigabyteOrMore() {
        assertRefused(404, () -> create(ha -> setFlavor(ha, "99")));
        assertRefused(422, () -> create(ha -> setFlavor(ha, "1"))); // 512 MB
        assertRefused(422, () -> action(HA_1, "{\"resize_flavor\": \"1\"}"));
        assertRefused(404, () -> action(HA_1, "{\"resize_flavor\": \"99\"}"));
        assertRefused(422, () -> create(ha -> ((ObjectNode) ha.at("/replicas/0")).put("flavorRef", "3")));
    }

    private static void setFlavor(ObjectNode ha, String flavor) {
        ((ObjectNode) ha.at("/replicas/0")).put("flavorRef", flavor);
        ((ObjectNode) ha.at("/replica_source/0")).put("flavorRef", flavor);
    }

    @ParameterizedTest
    @CsvSource({"mysql,5.7", "MYSQL,8.0", "percona,5.7", "mariadb,10.4", "mariadb,10.4enc"})
    void newGroupsTakeTheSupportedDatastores(String type, String version) {
        TestServer.reset(); // the default catalogue, not the documented world's legacy one
        TestServer.freeze();
        create(ha -> ha.putObject("datastore").put("type", type).put("version", version)).then().statusCode(202);
    }

    @Test
    void olderOrUnknownDatastoresAreRefused() {
        TestServer.reset();
        assertRefused(422, () -> create(ha -> ha.putObject("datastore").put("type", "mysql").put("version", "5.6")));
        assertRefused(404, () -> create(ha -> ha.putObject("datastore").put("type", "postgresql").put("version", "9.6")));
        assertRefused(404, () -> create(ha -> ha.putObject("datastore").put("type", "mysql").put("version", "4.0")));
    }

    @Test
    void upgradesFollowTheDocumentedPathsOnly() {
        String group57 = activeGroup("upgrade57");
        assertRefused(422, () -> action(group57, "{\"upgrade\": {\"datastore_type\": \"mysql\", \"datastore_version\": \"8.0\"}}"));
        action("67a59adb-d678-4092-b9a9-8cbe4ca39b4b",
                "{\"upgrade\": {\"datastore_type\": \"mariadb\", \"datastore_version\": \"10.4enc\"}}").then().statusCode(202);
    }

    @Test
    void anActionNeedsAGroupThatCanTakeIt() {
        action(HA_1, "{\"restart\": {}}").then().statusCode(202);
        assertRefused(422, () -> action(HA_1, "{\"resize_volumes\": {\"size\": 5}}"));
        assertRefused(422, () -> api().delete(ha("/" + HA_1)));
        assertRefused(422, () -> api().body(TestServer.documentedBody("attachConfiguration").toString()).patch(ha("/" + HA_1)));
    }

    @Test
    void unknownThingsAreNotFound() {
        assertRefused(404, () -> api().get(ha("/0d9f6f5e-0000-4000-8000-000000000000")));
        assertRefused(404, () -> action(HA_1, "{\"remove_replica\": \"not-a-replica\"}"));
        assertRefused(404, () -> api().delete(ha("/" + HA_1 + "/acls/9.9.9.9%25252F32")));
        assertRefused(404, () -> api().body("{\"ha_instance\": {\"configuration\": \"no-such-configuration\"}}").patch(ha("/" + HA_1)));
        assertRefused(404, () -> api().get("/v1.0/1234/backups/no-such-backup"));
        assertRefused(404, () -> api().delete("/v1.0/1234/backups/no-such-backup"));
        assertRefused(404, () -> api().get("/v1.0/1234/flavors/77"));
        assertRefused(404, () -> api().get("/v1.0/1234/instances/no-such-instance"));
    }

    @Test
    void anIdTheDocumentRefusesIsABadRequestEvenInARequestWhoseShapeWasAcceptedBefore() {
        String acl = "{\"address\": \"10.8.0.1/32\"}";
        api().body(acl).post(ha("/" + HA_1 + "/acls")).then().statusCode(200);
        assertRefused(404, () -> api().body(acl).post(ha("/0d9f6f5e-0000-4000-8000-000000000001/acls")));
        assertRefused(400, () -> api().body(acl).post(ha("/" + "x".repeat(65) + "/acls")));
        assertRefused(400, () -> api().body(acl).post(ha("/" + "x".repeat(65) + "/acls")));
        assertRefused(400, () -> api().get("/v1.0/1234/flavors/2a"));
    }

    @Test
    void aSingleInstanceIsBackedUpByNamingItAloneAndABodyThatNamesNothingIsABadRequest() {
        String instance = "5d4f4c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f"; // the documented replication source
        api().body("{\"backup\": {\"name\": \"classic\", \"instance\": \"" + instance + "\"}}")
                .post("/v1.0/1234/backups").then().statusCode(202)
                .body("backup.source.type", org.hamcrest.Matchers.equalTo("instance"))
                .body("backup.instance_id", org.hamcrest.Matchers.equalTo(instance));
        String message = assertRefused(400, () -> api().body("{\"backup\": {\"name\": \"nothing\"}}")
                .post("/v1.0/1234/backups"));
        assertThat(message).contains("source").contains("instance");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"instance\": \"" + SOURCE + "\", \"source\": {\"type\": \"ha\", \"id\": \"" + HA_1 + "\"}}",
        "{\"instance\": \"\", \"source\": {\"type\": \"ha\", \"id\": \"" + HA_1 + "\"}}",
        "{\"instance\": \"nope\", \"source\": {\"type\": \"instance\", \"id\": \"" + SOURCE + "\"}}"})
    void aBackupThatNamesTwoThingsIsABadRequest(String names) {
        String body = "{\"backup\": {\"name\": \"b\", " + names.substring(1) + "}";
        String message = assertRefused(400, () -> api().body(body).post("/v1.0/1234/backups"));
        assertThat(message).contains("instance");
    }

    /**
     * Rackspace: "Backups, resizes and configuration changes target the HA group's id, not a member instance." A
     * member named as a single instance (in `instance` or as `source.type` instance) was backed up (202) while its
     * group stayed ACTIVE, beside a backup of the group itself, and even in a group in DELETION-ERROR (K32).
     */
    @ParameterizedTest
    @ValueSource(strings = {"82cba72c-26a3-4e61-a4f1-7c65647b1c9f", "4eeeb7a6-0dee-4e66-b433-f6462d45c580",
        "0f6a1c2e-3b4d-4e5f-8a9b-1c2d3e4f5a01"})
    void aMemberOfAGroupIsBackedUpAsItsGroupOnly(String member) {
        var before = world();

        String named = assertRefused(422, () -> api().body("{\"backup\": {\"name\": \"m\", \"instance\": \"" + member
                + "\"}}").post("/v1.0/1234/backups"));
        String sourced = assertRefused(422, () -> api().body("{\"backup\": {\"name\": \"m\", \"source\": "
                + "{\"type\": \"instance\", \"id\": \"" + member + "\"}}}").post("/v1.0/1234/backups"));

        assertThat(named).contains(member).contains("member of HA instance");
        assertThat(sourced).isEqualTo(named);
        assertThat(world()).isEqualTo(before);
    }

    @Test
    void oneBackupAtATime() {
        String body = TestServer.documentedBody("createBackup").toString();
        api().body(body).post("/v1.0/1234/backups").then().statusCode(202);
        String message = assertRefused(422, () -> api().body(body).post("/v1.0/1234/backups"));
        assertThat(message).contains("one backup at a time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4%25252F32", "1.2.3.4%252F32", "1.2.3.4%2F32"})
    void theAclAddressIsAcceptedTripleEncodedAsDocumentedAndLessEncodedToo(String encoded) {
        TestServer.resetDocumented("deleteHaAcl");
        api().delete(ha("/" + HA_1 + "/acls/" + encoded)).then().statusCode(202);
        assertThat(api().get(ha("/" + HA_1 + "/acls")).then().extract().<java.util.List<?>>path("acls")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1/32", "1.2.3.4/33", "1.2.3.4", "01.2.3.4/8", "1.2.3/24", "a.b.c.d/8", " 1.2.3.4/32"})
    void aclAddressesAreCidrs(String address) {
        assertRefused(400, () -> api().body("{\"address\": \"" + address + "\"}").post(ha("/" + HA_1 + "/acls")));
    }

    @Test
    void aGroupHoldsAtMostOneHundredAclsAddedOneByOne() {
        java.util.List<String> before = api().get(ha("/" + HA_1 + "/acls")).then().extract().path("acls.address");
        for (int i = before.size(); i < 100; i++) {
            api().body("{\"address\": \"10.9." + (i / 250) + "." + (i % 250) + "/32\"}").post(ha("/" + HA_1 + "/acls")).then().statusCode(200);
        }
        assertRefused(422, () -> api().body("{\"address\": \"10.10.0.1/32\"}").post(ha("/" + HA_1 + "/acls")));
        api().body("{\"address\": \"10.9.0.0/32\"}").post(ha("/" + HA_1 + "/acls")).then().statusCode(200); // one it holds
        assertThat(api().get(ha("/" + HA_1 + "/acls")).then().extract().<java.util.List<String>>path("acls.address"))
                .hasSize(100).doesNotContain("10.10.0.1/32");
    }

    @Test
    void cidrsWithHostBitsSetAreAcceptedAsWritten() {
        api().body("{\"address\": \"1.2.3.4/5\"}").post(ha("/" + HA_1 + "/acls")).then().statusCode(200);
        api().body("{\"address\": \"1.2.3.4/5\"}").post(ha("/" + HA_1 + "/acls")).then().statusCode(200);
        assertThat(api().get(ha("/" + HA_1 + "/acls")).then().extract().<java.util.List<String>>path("acls.address"))
                .containsExactly("1.2.3.4/5");
    }

    @Test
    void configurationsAttachOneAtATimeAndDetachOnlyWhenAttached() {
        String restartGroup = "3a493f8c-9b9c-4ca1-845b-e3689abb1f5c";
        assertRefused(422, () -> api().body(TestServer.documentedBody("detachConfiguration").toString()).patch(ha("/" + restartGroup)));
        api().body(TestServer.documentedBody("attachConfiguration").toString()).patch(ha("/" + restartGroup)).then().statusCode(202);
        assertRefused(422, () -> api().body(TestServer.documentedBody("attachConfiguration").toString()).patch(ha("/" + restartGroup)));
    }

    /** K33: a configuration group of another datastore type is refused and changes nothing; versions are not compared. */
    @Test
    void aConfigurationGroupAttachesOnlyToAGroupOfItsDatastoreType() {
        String restartGroup = "3a493f8c-9b9c-4ca1-845b-e3689abb1f5c"; // MySQL 5.6, no configuration attached
        String mariadb = addedConfiguration("mariadb", "10.4");
        String mysql57 = addedConfiguration("mysql", "5.7");
        var before = world();

        String refused = assertRefused(422, () -> api().body("{\"ha_instance\": {\"configuration\": \"" + mariadb + "\"}}")
                .patch(ha("/" + restartGroup)));

        assertThat(refused).contains("mariadb").contains("mysql");
        assertThat(world()).isEqualTo(before);
        api().body("{\"ha_instance\": {\"configuration\": \"" + mysql57 + "\"}}").patch(ha("/" + restartGroup))
                .then().statusCode(202);
    }

    /**
     * K33 on an upgrade: MySQL 5.6 to MariaDB 10.4enc (a documented path) with a MySQL configuration group attached
     * was taken, and left a MariaDB group holding a MySQL configuration group that K33 refuses to attach to it (the
     * group could then neither keep it consistently nor take it again). It is a 422 that changes nothing; an upgrade
     * within the type keeps the configuration group.
     */
    @Test
    void anUpgradeToAnotherDatastoreTypeNeedsTheConfigurationGroupDetached() {
        api().body(TestServer.documentedBody("attachConfiguration").toString()).patch(ha("/" + HA_1)).then().statusCode(202);
        var before = world();

        String refused = assertRefused(422, () -> action(HA_1,
                "{\"upgrade\": {\"datastore_type\": \"mariadb\", \"datastore_version\": \"10.4enc\"}}"));

        assertThat(refused).contains("bbbcdf40-e4cc-423d-8e4b-1f0c7190dac4").contains("detach");
        assertThat(world()).isEqualTo(before);
        action(HA_1, "{\"upgrade\": {\"datastore_type\": \"mysql\", \"datastore_version\": \"5.7\"}}")
                .then().statusCode(202);
        advance(3600);
        assertThat(TestServer.group(HA_1).at("/configuration/id").asText()).isEqualTo("bbbcdf40-e4cc-423d-8e4b-1f0c7190dac4");
    }

    private static String addedConfiguration(String type, String version) {
        return TestServer.json(raw().contentType(ContentType.JSON).body(java.util.Map.of("name", type + version,
                        "datastore", java.util.Map.of("type", type, "version", version), "values", java.util.Map.of()))
                .post("/_emulator/accounts/1234/configurations").then().statusCode(201).extract().response())
                .get("id").asText();
    }

    @Test
    void convertingNeedsAReplicationSetup() {
        assertRefused(422, () -> api().body(TestServer.documentedBody("convertToHa").toString())
                .post("/v1.0/1234/instances/82cba72c-26a3-4e61-a4f1-7c65647b1c9f/action")); // already in an HA group
        assertRefused(404, () -> api().body(TestServer.documentedBody("convertToHa").toString())
                .post("/v1.0/1234/instances/no-such-instance/action"));
    }

    /**
     * A group being deleted took an ACL delete (202) while an ACL add on it was refused (422): the two ACL changes
     * now follow one rule, and neither touches a group in DELETING.
     */
    @Test
    void aGroupBeingDeletedTakesNoAclChange() {
        api().body("{\"address\": \"10.1.2.3/32\"}").post(ha("/" + HA_1 + "/acls")).then().statusCode(200);
        api().delete(ha("/" + HA_1)).then().statusCode(202);
        var before = world();

        String deleted = assertRefused(422, () -> api().delete(ha("/" + HA_1 + "/acls/10.1.2.3%25252F32")));
        String added = assertRefused(422, () -> api().body("{\"address\": \"10.1.2.4/32\"}").post(ha("/" + HA_1 + "/acls")));

        assertThat(deleted).contains("DELETING");
        assertThat(added).contains("DELETING");
        assertThat(world()).isEqualTo(before);
    }

    /**
     * The seed: "Supported datastore versions for HA are MySQL 5.7, MySQL 8.0, Percona 5.7, MariaDB 10.4, and
     * MariaDB 10.4enc." A create on MySQL 5.6 was refused (422) while converting a MySQL 5.6 replication setup made
     * an HA group on it (202). Outside the documented world, whose legacy catalogue takes 5.6 for both.
     */
    @Test
    void aConversionTakesTheVersionsACreateTakes() {
        TestServer.reset();
        TestServer.freeze();
        String sourceId = TestServer.json(raw().contentType(ContentType.JSON).body(java.util.Map.of("name", "old",
                        "datastore", java.util.Map.of("type", "mysql", "version", "5.6"), "replicas", 1))
                .post("/_emulator/accounts/1234/replication-setups").then().statusCode(201).extract().response())
                .get("sourceId").asText();
        var before = world();

        String refused = assertRefused(422, () -> api().body("{\"convert_to_ha\": {\"name\": \"old-ha\"}}")
                .post("/v1.0/1234/instances/" + sourceId + "/action"));

        assertThat(refused).contains("mysql 5.6");
        assertThat(world()).isEqualTo(before);
    }

    /** K35: a deleted group's backups stay in the account's list and by id; the group's own list goes with it. */
    @Test
    void aDeletedGroupsBackupsStay() {
        String backup = "2ef3c5c0-5b8e-4e3c-9c5e-0d3b9a4f7a11"; // the documented backup of ha-1
        api().delete(ha("/" + HA_1)).then().statusCode(202);
        advance(3600);
        api().get(ha("/" + HA_1)).then().statusCode(404);

        api().get("/v1.0/1234/backups").then().statusCode(200)
                .body("backups.id", org.hamcrest.Matchers.hasItem(backup));
        api().get("/v1.0/1234/backups/" + backup).then().statusCode(200)
                .body("backup.source.id", org.hamcrest.Matchers.equalTo(HA_1));
        assertRefused(404, () -> api().get(ha("/" + HA_1 + "/backups")));
        assertRefused(404, () -> api().body(TestServer.documentedBody("createBackup").toString()).post("/v1.0/1234/backups"));
        api().delete("/v1.0/1234/backups/" + backup).then().statusCode(202);
    }

    /** K36: a replica being added is not among the group's members until it is built; the others stay ACTIVE. */
    @Test
    void aReplicaBeingAddedIsShownOnceBuilt() {
        String id = TestServer.activeGroup("k36");
        action(id, "{\"add_replica\": {\"replica_details\": {\"name\": \"second\", \"flavorRef\": \"2\", "
                + "\"volume\": {\"size\": 1}}}}").then().statusCode(202);

        var adding = TestServer.group(id);
        assertThat(adding.get("state").asText()).isEqualTo("ADDING_REPLICA");
        assertThat(adding.at("/replicas").findValuesAsText("name")).doesNotContain("second");
        assertThat(adding.at("/replica_source/0/status").asText()).isEqualTo("ACTIVE");

        advance(3600);
        var active = TestServer.group(id);
        assertThat(active.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(active.at("/replicas").findValuesAsText("name")).contains("second");
    }

    /**
     * A group in an error state takes a delete and nothing else (fidelity.md, Failures): the documented group in
     * DELETION-ERROR took an ACL (200) and gave one up (202), while actions, backups and configuration changes on it
     * were refused. Found by sending every operation to it.
     */
    @Test
    void aGroupInAnErrorStateTakesNoAclChange() {
        String failed = "1ca4d721-d194-4e1d-9bef-73608d52a969"; // DELETION-ERROR in the documented world
        ObjectNode loaded = (ObjectNode) world();
        for (var account : loaded.get("accounts")) {
            for (var group : account.get("haInstances")) {
                if (group.get("id").asText().equals(failed)) {
                    ((ArrayNode) group.get("acls")).add("10.9.8.0/24");
                }
            }
        }
        raw().contentType(ContentType.JSON).body(loaded.toString()).put("/_emulator/state").then().statusCode(200);
        var before = world();

        String added = assertRefused(422, () -> api().body("{\"address\": \"10.1.2.3/32\"}").post(ha("/" + failed + "/acls")));
        String deleted = assertRefused(422, () -> api().delete(ha("/" + failed + "/acls/10.9.8.0%25252F24")));

        assertThat(added).contains("DELETION-ERROR");
        assertThat(deleted).contains("DELETION-ERROR");
        assertThat(world()).isEqualTo(before);
        api().get(ha("/" + failed + "/acls")).then().statusCode(200)
                .body("acls.address", org.hamcrest.Matchers.contains("10.9.8.0/24"));
    }

    /**
     * K16 for the group the seed shows with flavor 9 over nodes of flavor 2 (discrepancy 9): a resize to the flavor
     * its own answer reports was taken (202) and the group went to RESIZING_FLAVOR, while a resize to its nodes'
     * flavor 2 was refused as "already has flavor 2", a flavor the group's answer does not show.
     */
    @Test
    void aResizeToTheFlavorTheGroupReportsIsRefused() {
        assertThat(TestServer.group(HA_1).at("/flavor/id").asInt()).isEqualTo(9);
        var before = world();

        String same = assertRefused(422, () -> action(HA_1, "{\"resize_flavor\": \"9\"}"));
        String nodes = assertRefused(422, () -> action(HA_1, "{\"resize_flavor\": \"2\"}"));

        assertThat(same).contains("already has flavor 9");
        assertThat(nodes).contains("already has flavor 2 on its nodes");
        assertThat(world()).isEqualTo(before);
    }

    /**
     * An id that is empty, blank or holds a control character is named in quotes with its invisible characters
     * escaped: {"backup": {"name": "b", "instance": ""}} was told "Instance  could not be found.", and a tab or a
     * NUL in a flavorRef came back raw. A plain id is named as sent.
     */
    @Test
    void anUnknownIdThatCannotBeSeenIsQuoted() {
        assertThat(assertRefused(404, () -> api().body("{\"backup\": {\"name\": \"b\", \"instance\": \"\"}}")
                .post("/v1.0/1234/backups"))).isEqualTo("Instance \"\" could not be found.");
        assertThat(assertRefused(404, () -> action(HA_1, "{\"resize_flavor\": \"\\t\"}")))
                .isEqualTo("Flavor \"\\t\" could not be found.");
        assertThat(assertRefused(404, () -> action(HA_1, "{\"remove_replica\": \" \\u0000\"}")))
                .isEqualTo("Replica \" \\u0000\" of HA instance " + HA_1 + " could not be found.");
        assertThat(assertRefused(404, () -> action(HA_1, "{\"upgrade\": {\"datastore_type\": \"mysql\", "
                + "\"datastore_version\": \"9.9\"}}"))).isEqualTo("Datastore version mysql 9.9 could not be found.");
        assertThat(assertRefused(404, () -> action(HA_1, "{\"resize_flavor\": \"77\"}")))
                .isEqualTo("Flavor 77 could not be found.");
    }
}
