package io.hakit.contract.scenarios;

import io.hakit.contract.api.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After a delete, the group is gone for every operation (Schemathesis' use_after_free): show, the list, its ACLs,
 * its backups, every action and the PATCH answer 404, and no page of the list holds it.
 */
@Covers({"deleteHaInstance"})
class UseAfterFreeScenarios extends Scenario {

    @Test
    void aDeletedGroupIsGoneForEveryOperation() {
        String id = activeGroup("deleted");
        api.addAcl(id, json("{\"address\": \"10.1.1.1/32\"}")).expect(200);
        Answer deleted = api.deleteGroup(id).expect(202);
        awaitAfter(deleted, "HA instance " + id + " to be gone", () -> api.showGroup(id).status() == 404);

        List<Answer> afterwards = List.of(
                api.showGroup(id), api.deleteGroup(id), api.listAcls(id), api.addAcl(id, json("{\"address\": \"10.1.1.2/32\"}")),
                api.deleteAcl(id, "10.1.1.1%25252F32"), api.listGroupBackups(id),
                api.updateGroup(id, json("{\"ha_instance\": {\"configuration\": \"\"}}")),
                api.act(id, json("{\"restart\": {}}")), api.act(id, json("{\"resize_volumes\": {\"size\": 2}}")),
                api.act(id, json("{\"resize_flavor\": \"" + config.biggerFlavor() + "\"}")),
                api.act(id, documentedBody("addReplica")), api.act(id, json("{\"remove_replica\": \"" + id + "\"}")),
                api.act(id, json("{\"upgrade\": {\"datastore_type\": \"" + config.datastoreType()
                        + "\", \"datastore_version\": \"" + config.upgradeVersion() + "\"}}")));
        for (Answer answer : afterwards) {
            if (answer.status() != 404) {
                throw answer.violation("use_after_free", answer.request() + " answered " + answer.status()
                        + " after the group was deleted; a deleted group is 404 for every operation");
            }
            answer.expect(404);
            target.conformance().passed(answer.operation(), "use_after_free");
        }
        Answer list = api.listGroups();
        if (allIds(marker -> marker == null ? api.listGroups() : api.listGroups(marker), "ha_instances").contains(id)) {
            throw list.violation("use_after_free", "the list still holds the deleted group " + id);
        }
        target.conformance().passed(list.operation(), "use_after_free");
    }
}
