package io.hakit.contract.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.contract.api.Answer;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * No account sees another's groups (needs a second account's token: --otherAccountId, --otherToken): not in its list,
 * not by id, and not through anything under the group on its own path (ACLs, backups, the PATCH, actions, the
 * delete); nor another's backups. A tenancy check made on the group's own read alone would let every one of these
 * through.
 */
class IsolationScenarios extends Scenario {

    @Test
    void accountsDoNotSeeEachOthersGroups() {
        assumeGiven(config.otherToken().isPresent() && config.otherAccountId().isPresent(),
                "no second account given (--otherAccountId, --otherToken)");
        String id = createGroup("isolation");
        var other = api.as(config.otherAccountId().get(), config.otherToken().get());
        assertThat(allIds(marker -> marker == null ? other.listGroups() : other.listGroups(marker), "ha_instances"))
                .doesNotContain(id);
        other.showGroup(id).expect(404);
        api.as(config.accountId(), config.otherToken().get()).showGroup(id).expect(403);

        String address = api.listAcls(id).expect(200).at("/acls/0/address").asText("10.0.0.0/0");
        String encoded = address.replace("/", "%25252F");
        // Reads first, then writes, the delete last: each must be refused as for a group the account does not hold.
        List<Supplier<Answer>> throughItsOwnPath = List.of(
                () -> other.listAcls(id), () -> other.listGroupBackups(id),
                () -> other.addAcl(id, json("{\"address\": \"10.99.99.99/32\"}")), () -> other.deleteAcl(id, encoded),
                () -> other.updateGroup(id, json("{\"ha_instance\": {\"configuration\": \"\"}}")),
                () -> other.act(id, json("{\"restart\": {}}")), () -> other.deleteGroup(id));
        for (Supplier<Answer> request : throughItsOwnPath) {
            refusedAsUnknown(request.get(), "HA instance " + id);
        }
    }

    /**
     * Nor another's backups: a backup is reached by its own id, under no group, so a tenancy check made on groups
     * alone lets another account read it, list it, delete it, or back up a group it does not hold.
     */
    @Test
    void accountsDoNotSeeEachOthersBackups() {
        assumeGiven(config.otherToken().isPresent() && config.otherAccountId().isPresent(),
                "no second account given (--otherAccountId, --otherToken)");
        String id = activeGroup("isolation-backup");
        ObjectNode body = documentedBody("createBackup");
        ((ObjectNode) body.at("/backup/source")).put("id", id);
        String backup = api.createBackup(body).expect(202).text("/backup/id");
        target.cleanup().backup(backup);
        target.waiter().until("backup " + backup + " to complete",
                () -> "COMPLETED".equals(api.showBackup(backup).expect(200).text("/backup/status")));
        awaitState(id, "ACTIVE");
        var other = api.as(config.otherAccountId().get(), config.otherToken().get());
        assertThat(allIds(marker -> marker == null ? other.listBackups() : other.listBackups(marker), "backups"))
                .as("account %s's list of backups", config.otherAccountId().get()).doesNotContain(backup);
        refusedAsUnknown(other.showBackup(backup), "backup " + backup);
        refusedAsUnknown(other.createBackup(body), "HA instance " + id);
        refusedAsUnknown(other.deleteBackup(backup), "backup " + backup);
        api.showBackup(backup).expect(200);
    }

    /** {@code what}: the other account's thing the request named ("HA instance ID", "backup ID"). */
    private void refusedAsUnknown(Answer answer, String what) {
        if (answer.status() < 400) {
            throw answer.violation("ignored_auth", answer.request() + " answered " + answer.status() + " to account "
                    + config.otherAccountId().get() + ", on its own path, for " + what + " of account "
                    + config.accountId() + ": another account's group or backup is 404 for every operation, not only"
                    + " for show");
        }
        answer.expect(404);
        target.conformance().passed(answer.operation(), "ignored_auth");
    }
}
