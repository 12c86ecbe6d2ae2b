package io.hakit.contract.scenarios;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Converting a replication setup: only with an instance of one to convert (--replicationInstanceId). */
@Covers({"convertToHa"})
class ConversionScenarios extends Scenario {

    @Test
    void aReplicationSetupBecomesAnHaGroup() {
        assumeTrue(config.replicationInstanceId().isPresent(), "no replication setup given: not exercised");
        String instance = config.replicationInstanceId().get();
        String id = api.convertToHa(instance, documentedBody("convertToHa")).expect(202)
                .expectField("/ha_instance/state", "BUILD").text("/ha_instance/id");
        target.cleanup().group(id);
        awaitState(id, "ACTIVE");
        api.convertToHa(instance, documentedBody("convertToHa")).expect(422);
    }
}
