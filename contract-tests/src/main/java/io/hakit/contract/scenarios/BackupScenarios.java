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
        String id = activeGroup("backup");
        ObjectNode body = documentedBody("createBackup");
        ((ObjectNode) body.at("/backup/source")).put("id", id);
        String backup = api.createBackup(body).expect(202).expectField("/backup/source/id", id).text("/backup/id");
        target.cleanup().backup(backup);
        if ("BACKUP".equals(state(id))) {
            api.createBackup(body).expect(422);
        }
        target.waiter().until("backup " + backup + " to complete",
                () -> "COMPLETED".equals(api.showBackup(backup).expect(200).text("/backup/status")));
        awaitState(id, "ACTIVE");

        assertThat(allIds(marker -> marker == null ? api.listBackups() : api.listBackups(marker), "backups")).contains(backup);
        assertThat(ids(api.listGroupBackups(id).expect(200).at("/backups"))).containsExactly(backup);
        api.deleteBackup(backup).expect(202);
        target.waiter().until("backup " + backup + " to be gone", () -> api.showBackup(backup).status() == 404);
        api.showBackup(backup).expect(404);
        api.deleteBackup(backup).expect(404);
    }

    private static List<String> ids(com.fasterxml.jackson.databind.JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(b -> ids.add(b.get("id").asText()));
        return ids;
    }
}
