package io.hakit.contract.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.hakit.contract.Conformance;
import io.hakit.contract.Exchange;
import java.util.Arrays;

/**
 * One answer of the implementation under test, with the named operation it answered and the exchange that shows
 * it. {@link #expect} is how a scenario states the documented behaviour: it counts toward the operation's verdict
 * either way.
 */
public record Answer(String operation, String request, int status, JsonNode body, String retryAfter, Conformance conformance,
        Exchange exchange) {

    /** The answer's status must be one of {@code statuses}; for an error, the body must be the Fault of its code. */
    public Answer expect(int... statuses) {
        if (Arrays.stream(statuses).noneMatch(s -> s == status)) {
            throw violation("documented_behaviour", request + " answered " + status + " " + abbreviated() + ", documented "
                    + Arrays.toString(statuses));
        }
        conformance.passed(operation, "documented_behaviour");
        if (status >= 400) {
            String fault = FaultNames.of(status);
            java.util.Optional<String> problem = io.hakit.contract.AnswerChecks.faultProblem(status,
                    exchange != null && exchange.responseBody() != null ? exchange.responseBody() : body.isMissingNode() ? "" : body.toString(),
                    FaultNames.all());
            if (problem.isPresent()) {
                throw violation("error_body", request + " answered " + status + " without the " + fault + " Fault ("
                        + problem.get() + "): " + abbreviated());
            }
            conformance.passed(operation, "error_body");
        }
        return this;
    }

    /** A documented field of the answer that must hold this value. */
    public Answer expectField(String pointer, String value) {
        JsonNode actual = body.at(pointer);
        if (!value.equals(actual.asText(null))) {
            throw violation("documented_behaviour", request + " answered " + pointer + " = " + actual + ", expected " + value);
        }
        return this;
    }

    /** Charges a documented behaviour this answer does not show to its operation, and stops the scenario. */
    public ContractViolation violation(String check, String what) {
        conformance.violated(operation, check, what, exchange);
        return new ContractViolation(what);
    }

    public JsonNode at(String pointer) {
        return body.at(pointer);
    }

    public String text(String pointer) {
        return body.at(pointer).asText();
    }

    static JsonNode empty() {
        return MissingNode.getInstance();
    }

    private String abbreviated() {
        String text = body.isMissingNode() ? "(no body)" : body.toString();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
