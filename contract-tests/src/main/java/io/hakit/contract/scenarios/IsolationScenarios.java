package io.hakit.contract.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** No account sees another's groups (needs a second account's token: --otherAccountId, --otherToken). */
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
    }
}
