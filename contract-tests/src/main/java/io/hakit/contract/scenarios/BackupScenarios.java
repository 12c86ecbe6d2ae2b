package io.hakit.contract.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An HA backup: one at a time, listed with the group and the account, completed, then deleted. */
@Covers({"createBackup", "showBackup", "listBackups", "listHaBackups", "deleteBackup"})
class BackupScenarios extends Scenario {

    @Test
    void aBackupIsTakenListedAndDeleted() {
        // A second group, with no backup: its list must not hold the first group's (a list of every backup of the
        // account under each group looked right while the account had one group with backups).
        String other = createGroup("backup-other");
        String id = activeGroup("backup");
        ObjectNode body = documentedBody("createBackup");
        ((ObjectNode) body.at("/backup/source")).put("id", id);
        var taken = api.createBackup(body).expect(202).expectField("/backup/source/id", id);
        String backup = taken.text("/backup/id");
        target.cleanup().backup(backup);
        List<String> made = new ArrayList<>(List.of(backup));
        if ("BACKUP".equals(state(id))) {
            // One at a time: 422 while the first runs. The first may complete between the read and this request (a
            // fast service, a slow network): a 202 is then no refusal missed, provided the first is COMPLETED by now.
            var second = api.createBackup(body).expect(202, 422);
            if (second.status() == 202) {
                String again = second.text("/backup/id");
                target.cleanup().backup(again);
                made.add(again);
                assertThat(api.showBackup(backup).expect(200).text("/backup/status"))
                        .as("a second backup of %s was accepted (202): the first must have completed by then", id)
                        .isEqualTo("COMPLETED");
            }
        }
        for (String each : made) {
            awaitAfter(taken, "backup " + each + " to complete",
                    () -> "COMPLETED".equals(api.showBackup(each).expect(200).text("/backup/status")));
        }
        awaitState(id, "ACTIVE", taken);

        assertThat(allIds(marker -> marker == null ? api.listBackups() : api.listBackups(marker), "backups"))
                .containsAll(made);
        assertThat(ids(api.listGroupBackups(id).expect(200).at("/backups"))).containsExactlyInAnyOrderElementsOf(made);
        var otherList = api.listGroupBackups(other).expect(200);
        List<String> otherIds = ids(otherList.at("/backups"));
        if (otherIds.stream().anyMatch(made::contains)) {
            throw otherList.violation("documented_behaviour", otherList.request() + " lists " + otherIds + " for HA instance "
                    + other + ", which has no backup; " + made + " are backups of HA instance " + id + ": a group's"
                    + " backup list holds the backups taken of that group only");
        }
        for (String each : made) {
            var deleted = api.deleteBackup(each).expect(202);
            awaitAfter(deleted, "backup " + each + " to be gone", () -> api.showBackup(each).status() == 404);
        }
        api.showBackup(backup).expect(404);
        api.deleteBackup(backup).expect(404);
    }

    private static List<String> ids(com.fasterxml.jackson.databind.JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(b -> ids.add(b.get("id").asText()));
        return ids;
    }
}
