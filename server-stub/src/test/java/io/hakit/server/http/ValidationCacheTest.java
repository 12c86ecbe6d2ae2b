package io.hakit.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the validation cache may answer for the validator, and when it must not. */
class ValidationCacheTest {

    private static final ValidationCache.Verdict PASSED = new ValidationCache.Verdict(null, Optional.of("addHaAcl"));
    private static final ValidationCache.Verdict REFUSED = ValidationCache.Verdict.refused("Invalid request: body");

    private final ValidationCache cache = new ValidationCache(Set.of("version", "accountId", "haId"));

    private static ValidationCache.Question acl(String haId, String body) {
        return question("addHaAcl", "/v1.0/1234/ha/" + haId + "/acls", Map.of("version", "v1.0", "accountId", "1234",
                "haId", haId), body);
    }

    private static ValidationCache.Question question(String operationId, String path, Map<String, String> parameters,
            String body) {
        return new ValidationCache.Question("POST", path, operationId, parameters, null, "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestSeenBeforeHasItsVerdict() {
        cache.put(acl("g1", "{}"), REFUSED);
        cache.put(acl("g2", "{\"address\":\"1.2.3.4/32\"}"), PASSED);

        assertThat(cache.get(acl("g1", "{}"))).isEqualTo(REFUSED);
        assertThat(cache.get(acl("g2", "{\"address\":\"1.2.3.4/32\"}"))).isEqualTo(PASSED);
        assertThat(cache.get(acl("g2", "{\"address\":\"1.2.3.5/32\"}"))).as("another body").isNull();
    }

    @Test
    void aNewIdIsJudgedByTheValidatorUntilItHasPassedOnce() {
        String body = "{\"address\":\"1.2.3.4/32\"}";
        cache.put(acl("g1", body), PASSED);

        assertThat(cache.get(acl("never-seen", body))).as("an id the validator has not accepted").isNull();
        // the id is accepted in another operation: its value is valid for every operation that names it
        cache.put(question("actOnHaInstance", "/v1.0/1234/ha/g2/action",
                Map.of("version", "v1.0", "accountId", "1234", "haId", "g2"), "{\"restart\":{}}"), PASSED);
        assertThat(cache.get(acl("g2", body))).isEqualTo(PASSED);
    }

    @Test
    void aRefusalOfAnUnknownIdIsNotPassedOnToOthersOfTheSameShape() {
        String body = "{\"address\":\"1.2.3.4/32\"}";
        String tooLong = "x".repeat(65);
        cache.put(acl(tooLong, body), REFUSED);
        cache.put(acl("g1", body), PASSED);

        assertThat(cache.get(acl(tooLong, body))).isEqualTo(REFUSED);
        assertThat(cache.get(acl("g1", body))).isEqualTo(PASSED);
    }

    @Test
    void aRefusalOfAValidIdIsAboutTheRestAndHoldsForEveryValidId() {
        cache.put(acl("g1", "{\"address\":\"1.2.3.4/32\"}"), PASSED);
        cache.put(acl("g2", "{\"address\":\"1.2.3.4/32\"}"), PASSED);
        cache.put(acl("g1", "{\"address\":7}"), REFUSED);

        assertThat(cache.get(acl("g2", "{\"address\":7}"))).isEqualTo(REFUSED);
    }

    @Test
    void aParameterWithSeveralSchemasAndTheControlApiAreJudgedByTheirPathOnly() {
        ValidationCache.Question withOther = question("addHaAcl", "/v1.0/1234/ha/g1/acls/a",
                Map.of("version", "v1.0", "accountId", "1234", "haId", "g1", "other", "a"), "{}");
        cache.put(withOther, PASSED);
        assertThat(cache.get(question("addHaAcl", "/v1.0/1234/ha/g1/acls/b",
                Map.of("version", "v1.0", "accountId", "1234", "haId", "g1", "other", "b"), "{}"))).isNull();
        assertThat(cache.get(withOther)).isEqualTo(PASSED);

        ValidationCache.Question control = question(null, "/_emulator/accounts/a1", Map.of("accountId", "a1"), "{}");
        cache.put(control, PASSED);
        assertThat(cache.get(question(null, "/_emulator/accounts/a2", Map.of("accountId", "a1"), "{}"))).isNull();
        assertThat(cache.get(control)).isEqualTo(PASSED);
    }

    @Test
    void largeBodiesAreNotRemembered() {
        String large = "{\"address\":\"" + "1".repeat(ValidationCache.MAX_BODY_BYTES) + "\"}";
        cache.put(acl("g1", large), PASSED);
        assertThat(cache.get(acl("g1", large))).isNull();
    }

    @Test
    void aNewIdInARequestOfAKnownShapeIsJudgedByItsValueAlone() {
        String body = "{\"address\":\"1.2.3.4/32\"}";
        cache.put(acl("g1", body), PASSED);
        List<String> asked = new ArrayList<>();

        assertThat(cache.get(acl("g2", body), (name, value) -> asked.add(name + "=" + value))).isEqualTo(PASSED);
        assertThat(asked).as("only the new value is judged").containsExactly("haId=g2");
        assertThat(cache.get(acl("g2", body))).as("and is remembered as valid").isEqualTo(PASSED);
    }

    @Test
    void aNewIdTheCheckRefusesIsLeftToTheValidatorAndNotRemembered() {
        String body = "{\"address\":\"1.2.3.4/32\"}";
        cache.put(acl("g1", body), PASSED);
        String tooLong = "x".repeat(65);

        assertThat(cache.get(acl(tooLong, body), (name, value) -> false)).isNull();
        assertThat(cache.get(acl(tooLong, body))).isNull();
    }

    @Test
    void withoutAVerdictOnTheShapeTheValueAloneDecidesNothing() {
        List<String> asked = new ArrayList<>();
        assertThat(cache.get(acl("g1", "{}"), (name, value) -> asked.add(name))).isNull();
        assertThat(asked).isEmpty();
    }
}
