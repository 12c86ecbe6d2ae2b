package io.hakit.contract.scenarios;

import org.junit.jupiter.api.Test;

/** A token is needed everywhere, and opens its own account only. */
class AuthenticationScenarios extends Scenario {

    @Test
    void noTokenOrAnUnknownOneIsUnauthorized() {
        api.as(config.accountId(), null).listGroups().expect(401);
        api.as(config.accountId(), "not-a-token-" + config.seed()).listGroups().expect(401); // the seed repeats it
        api.as(config.accountId(), null).listBackups().expect(401);
        api.as(config.accountId(), null).createGroup(newGroupBody("unauthorized")).expect(401);
    }

    @Test
    void anotherAccountsPathIsForbidden() {
        String stranger = config.otherAccountId().orElse(config.accountId() + "0");
        api.as(stranger, config.token()).listGroups().expect(403);
        api.as(stranger, config.token()).showGroup("any-group").expect(403);
    }
}
