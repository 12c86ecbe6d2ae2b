package io.hakit.contract.scenarios;

import org.junit.jupiter.api.Test;

/** Converting a replication setup: only with an instance of one to convert (--replicationInstanceId). */
@Covers({"convertToHa"})
class ConversionScenarios extends Scenario {

    @Test
    void aReplicationSetupBecomesAnHaGroup() {
        assumeGiven(config.replicationInstanceId().isPresent(), "no replication setup given (--replicationInstanceId)",
                "convertToHa");
        String instance = config.replicationInstanceId().get();
        var converted = api.convertToHa(instance, documentedBody("convertToHa")).expect(202)
                .expectField("/ha_instance/state", "BUILD");
        String id = converted.text("/ha_instance/id");
        target.cleanup().group(id);
        awaitState(id, "ACTIVE", converted);
        api.convertToHa(instance, documentedBody("convertToHa")).expect(422);
    }
}
