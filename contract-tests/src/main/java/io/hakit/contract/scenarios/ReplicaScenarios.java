package io.hakit.contract.scenarios;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** One or two replicas: add one, refuse a third, remove the one named (the other stays), refuse the last. */
@Covers({"addReplica", "removeReplica"})
class ReplicaScenarios extends Scenario {

    @Test
    void replicasAreAddedAndRemovedWithinOneToTwo() {
        String id = activeGroup("replicas");
        ObjectNode add = documentedBody("addReplica");
        ((ObjectNode) add.at("/add_replica/replica_details")).put("flavorRef", config.flavor());
        var added = api.act(id, add).expect(202);
        awaitActiveWith(id, added, "two replicas", group -> group.path("replicas").size() == 2);
        api.act(id, add).expect(422);

        String first = group(id).at("/replicas/0/id").asText();
        String second = group(id).at("/replicas/1/id").asText();
        api.act(id, json("{\"remove_replica\": \"no-such-replica\"}")).expect(404);
        var removed = api.act(id, json("{\"remove_replica\": \"" + second + "\"}")).expect(202);
        target.cleanup().cannotDelete("instance " + second + ", the replica removed from HA instance " + id
                + ": a removed replica stays as a single instance (seed), and the HA API has no call that deletes one");
        awaitActiveWith(id, removed, "one replica", group -> group.path("replicas").size() == 1);
        String last = group(id).at("/replicas/0/id").asText();
        if (!last.equals(first)) {
            // Charged to the remove, not to the show that reveals it: the remove takes the replica it names, and only it.
            throw removed.violation("documented_behaviour", removed.request() + " named replica " + second + " of " + first
                    + " and " + second + ", and left " + last + ": the remove takes the replica it names");
        }
        api.act(id, json("{\"remove_replica\": \"" + last + "\"}")).expect(422);
    }
}
