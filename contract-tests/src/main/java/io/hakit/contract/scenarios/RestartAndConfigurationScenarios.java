package io.hakit.contract.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Restart, and attaching and detaching a configuration group (a restart clears RESTART_REQUIRED). */
@Covers({"restartHaInstance", "attachConfiguration", "detachConfiguration"})
class RestartAndConfigurationScenarios extends Scenario {

    @Test
    void aRestartRebootsTheGroup() {
        String id = activeGroup("restart");
        api.act(id, json("{\"restart\": {}}")).expect(202);
        awaitState(id, "ACTIVE");
        if (api.sendsAnyJson()) {
            api.act(id, json("{\"reboot\": {}}")).expect(400);
        }
    }

    @Test
    void aConfigurationIsAttachedAndDetached() {
        Optional<String> configuration = configuration();
        assumeGiven(configuration.isPresent(), "no configuration group for " + config.datastoreType()
                + " (--configurationId)", "attachConfiguration", "detachConfiguration");
        String id = activeGroup("configuration");
        api.updateGroup(id, json("{\"ha_instance\": {\"configuration\": \"" + configuration.get() + "\"}}")).expect(202);
        restartIfRequired(id);
        api.updateGroup(id, json("{\"ha_instance\": {\"configuration\": \"no-such-configuration\"}}")).expect(404, 422);
        api.updateGroup(id, json("{\"ha_instance\": {\"configuration\": \"\"}}")).expect(202);
        restartIfRequired(id);
        api.updateGroup(id, json("{\"ha_instance\": {\"configuration\": \"\"}}")).expect(422);
    }

    private void restartIfRequired(String id) {
        if (awaitSettled(id).equals("RESTART_REQUIRED")) {
            api.act(id, json("{\"restart\": {}}")).expect(202);
            awaitState(id, "ACTIVE");
        }
    }

    private Optional<String> configuration() {
        if (config.configurationId().isPresent()) {
            return config.configurationId();
        }
        for (JsonNode candidate : api.listConfigurations().expect(200).at("/configurations")) {
            if (candidate.path("datastore_name").asText().equalsIgnoreCase(config.datastoreType())) {
                return Optional.of(candidate.get("id").asText());
            }
        }
        return Optional.empty();
    }
}
