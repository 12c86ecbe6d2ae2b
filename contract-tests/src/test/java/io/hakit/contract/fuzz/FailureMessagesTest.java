package io.hakit.contract.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.contract.Conformance;
import io.hakit.contract.Exchange;
import io.hakit.contract.KitServers;
import io.hakit.contract.api.Answer;
import io.hakit.contract.api.ContractViolation;
import io.hakit.openapi.generate.GeneratedRequest;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** What a failure says: enough for the reader to see what is wrong without reading the exchange byte by byte. */
class FailureMessagesTest {

    private static final Map<Integer, String> FAULTS = KitServers.CONTRACT.faultNames();

    @Test
    void anErrorBodyFailureSaysWhatIsWrongWithTheFault() {
        Exchange wrongCode = answer(404, "{\"itemNotFound\": {\"code\": 400, \"message\": \"No such group\"}}", "{}");
        assertThat(FuzzPhase.describe(invalid(GeneratedRequest.Credential.OWN, "{}"), 7, "error_body", wrongCode, FAULTS))
                .contains("itemNotFound.code is 400, but the status is 404");
        Exchange extra = answer(400, "{\"badRequest\": {\"code\": 400, \"message\": \"m\"}, \"request_id\": \"r\"}", "{}");
        assertThat(FuzzPhase.describe(invalid(GeneratedRequest.Credential.OWN, "{}"), 7, "error_body", extra, FAULTS))
                .contains("members besides badRequest: request_id");
        Exchange missing = answer(400, "{\"error\": \"bad\"}", "{}");
        assertThat(FuzzPhase.describe(invalid(GeneratedRequest.Credential.OWN, "{}"), 7, "error_body", missing, FAULTS))
                .contains("the member badRequest is missing; the body has error");
    }

    @Test
    void aScenarioErrorBodyFailureSaysWhatIsWrongWithTheFault() {
        Conformance conformance = new Conformance(KitServers.CONTRACT);
        String body = "{\"itemNotFound\": {\"code\": 400, \"message\": \"No such group\"}}";
        Exchange exchange = new Exchange("showHaInstance", "GET", "http://h/v1.0/1234/ha/x", Map.of(), null, 404, Map.of(), body);
        Answer answer = new Answer("showHaInstance", "GET /v1.0/1234/ha/x", 404, json(body), null, conformance, exchange);
        Assertions.assertThatThrownBy(() -> answer.expect(404)).isInstanceOf(ContractViolation.class)
                .hasMessageContaining("itemNotFound.code is 400, but the status is 404");
        assertThat(conformance.failuresOf("showHaInstance")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("itemNotFound.code is 400"));
    }

    @Test
    void anIgnoredAuthFailureShrunkToAnEmptyBodySaysTheTokenWasMissingOrUnknown() {
        Exchange accepted = answer(400, "{\"badRequest\": {\"code\": 400, \"message\": \"m\"}}", "{}");
        String none = FuzzPhase.describe(unauthenticated(GeneratedRequest.Credential.NONE), 7, "ignored_auth", accepted, FAULTS);
        assertThat(none).contains("without a token (no X-Auth-Token)").contains("not refused 401")
                .contains("shrunk to {}").contains("not what is wrong");
        String unknown = FuzzPhase.describe(unauthenticated(GeneratedRequest.Credential.UNKNOWN), 7, "ignored_auth", accepted,
                FAULTS);
        assertThat(unknown).contains("with an unknown token (X-Auth-Token: not-a-token-12)");
    }

    @Test
    void aStateChangeAfterAnAcceptedRequestIsNotCalledARefusal() {
        GeneratedRequest request = invalid(GeneratedRequest.Credential.OWN, "{\"restart\": {}, \"x\": 1}");
        assertThat(FuzzPhase.stateChanged(request, 202, "state \"ACTIVE\" -> \"REBOOT\""))
                .doesNotContain("refused with 202").contains("accepted with 202 although invalid");
        assertThat(FuzzPhase.stateChanged(request, 400, "state \"ACTIVE\" -> \"REBOOT\"")).contains("refused with 400");
    }

    private static GeneratedRequest invalid(GeneratedRequest.Credential credential, String body) {
        return new GeneratedRequest("actOnHaInstance", "POST", "/v1.0/1234/ha/x/action", Optional.of("application/json"),
                Optional.of(body), credential, Optional.of("body:/ additionalProperties"), 12);
    }

    private static GeneratedRequest unauthenticated(GeneratedRequest.Credential credential) {
        return new GeneratedRequest("createHaInstance", "POST", "/v1.0/1234/ha", Optional.of("application/json"),
                Optional.of("{\"ha_instance\": {\"name\": \"n\"}}"), credential,
                Optional.of("token-" + credential.name().toLowerCase()), 12);
    }

    private static Exchange answer(int status, String body, String requestBody) {
        return new Exchange("createHaInstance", "POST", "http://h/v1.0/1234/ha", Map.of(), requestBody, status, Map.of(), body);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
