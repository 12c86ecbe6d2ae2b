package io.hakit.contract.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Create, build, show, list and delete an HA group, and what each refuses. */
@Covers({"createHaInstance", "showHaInstance", "listHaInstances", "deleteHaInstance"})
class GroupLifecycleScenarios extends Scenario {

    @Test
    void aGroupBuildsServesAndIsDeleted() {
        ObjectNode body = newGroupBody("lifecycle");
        var created = createGroup(body);
        asRequested(created, body);
        String id = created.text("/ha_instance/id");
        awaitState(id, "ACTIVE", created);
        var shownAnswer = api.showGroup(id).expect(200);
        asRequested(shownAnswer, body);
        JsonNode shown = shownAnswer.at("/ha_instance");
        assertThat(shown.get("replica_source")).hasSize(1);
        assertThat(shown.get("replicas")).hasSize(1);
        List<Integer> ports = new ArrayList<>();
        shown.get("networks").forEach(n -> ports.add(n.get("port").asInt()));
        assertThat(ports).as("a read (3307) and a write (3306) endpoint per network").contains(3306, 3307);

        assertThat(allIds(marker -> marker == null ? api.listGroups() : api.listGroups(marker), "ha_instances")).contains(id);

        var deleted = api.deleteGroup(id).expect(202);
        awaitAfter(deleted, "HA instance " + id + " to be gone", () -> api.showGroup(id).status() == 404);
        api.showGroup(id).expect(404);
    }

    @Test
    void invalidCreatesAreBadRequests() {
        ObjectNode zeroVolume = newGroupBody("zero-volume");
        ((ObjectNode) zeroVolume.at("/ha/replicas/0/volume")).put("size", 0);
        api.createGroup(zeroVolume).expect(400);

        ObjectNode threeReplicas = newGroupBody("three-replicas");
        var replicas = threeReplicas.withArray("/ha/replicas");
        replicas.add(replicas.get(0).deepCopy());
        replicas.add(replicas.get(0).deepCopy());
        api.createGroup(threeReplicas).expect(400);

        ObjectNode unnamed = newGroupBody("unnamed");
        ((ObjectNode) unnamed.get("ha")).remove("name");
        api.createGroup(unnamed).expect(400);

        ObjectNode tooLong = newGroupBody("too-long");
        ((ObjectNode) tooLong.get("ha")).put("name", "x".repeat(256));
        api.createGroup(tooLong).expect(400);
    }

    @Test
    void unknownGroupsAreNotFound() {
        api.showGroup("00000000-0000-4000-8000-000000000000").expect(404);
        api.deleteGroup("00000000-0000-4000-8000-000000000000").expect(404);
    }
}
