package io.hakit.contract.scenarios;

import org.junit.jupiter.api.Test;

/** Upgrades follow the documented paths; the answer shows the group in UPGRADING. */
@Covers({"upgradeHaInstance"})
class UpgradeScenarios extends Scenario {

    @Test
    void aDocumentedUpgradePathIsTaken() {
        String id = activeGroup("upgrade");
        api.act(id, json("{\"upgrade\": {\"datastore_type\": \"" + config.datastoreType()
                + "\", \"datastore_version\": \"" + config.datastoreVersion() + "\"}}")).expect(422);
        var upgraded = api.act(id, json("{\"upgrade\": {\"datastore_type\": \"" + config.datastoreType()
                + "\", \"datastore_version\": \"" + config.upgradeVersion() + "\"}}")).expect(202)
                .expectField("/ha_instance/state", "UPGRADING").expectField("/ha_instance/id", id);
        awaitActiveWith(id, upgraded, "datastore version " + config.upgradeVersion(),
                group -> config.upgradeVersion().equals(group.at("/datastore/version").asText()));
    }
}
