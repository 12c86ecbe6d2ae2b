package io.hakit.contract.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** One or two replicas: add one, refuse a third, remove one, refuse the last. */
@Covers({"addReplica", "removeReplica"})
class ReplicaScenarios extends Scenario {

    @Test
    void replicasAreAddedAndRemovedWithinOneToTwo() {
        String id = activeGroup("replicas");
        ObjectNode add = documentedBody("addReplica");
        ((ObjectNode) add.at("/add_replica/replica_details")).put("flavorRef", config.flavor());
        api.act(id, add).expect(202);
        awaitState(id, "ACTIVE");
        assertThat(group(id).get("replicas")).hasSize(2);
        api.act(id, add).expect(422);

        String second = group(id).at("/replicas/1/id").asText();
        api.act(id, json("{\"remove_replica\": \"no-such-replica\"}")).expect(404);
        api.act(id, json("{\"remove_replica\": \"" + second + "\"}")).expect(202);
        target.cleanup().cannotDelete("instance " + second + ", the replica removed from HA instance " + id
                + ": a removed replica stays as a single instance (seed), and the HA API has no call that deletes one");
        awaitState(id, "ACTIVE");
        assertThat(group(id).get("replicas")).hasSize(1);
        String last = group(id).at("/replicas/0/id").asText();
        api.act(id, json("{\"remove_replica\": \"" + last + "\"}")).expect(422);
    }
}
