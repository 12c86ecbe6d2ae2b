package io.hakit.contract.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.hakit.contract.Conformance;
import java.util.Arrays;

/**
 * One answer of the implementation under test, with the named operation it answered. {@link #expect} is how a
 * scenario states the documented behaviour: it counts toward the operation's verdict either way.
 */
public record Answer(String operation, String request, int status, JsonNode body, String retryAfter, Conformance conformance) {

    /** The answer's status must be one of {@code statuses}; for an error, the fault must be the status's. */
    public Answer expect(int... statuses) {
        boolean ok = Arrays.stream(statuses).anyMatch(s -> s == status);
        if (ok && status >= 400) {
            String fault = FaultNames.of(status);
            ok = body.has(fault) && body.get(fault).path("code").asInt() == status;
        }
        if (!ok) {
            String what = request + " answered " + status + " " + abbreviated() + ", documented " + Arrays.toString(statuses);
            conformance.violated(operation, what);
            throw new AssertionError(what);
        }
        conformance.passed(operation);
        return this;
    }

    /** A documented field of the answer that must hold this value. */
    public Answer expectField(String pointer, String value) {
        JsonNode actual = body.at(pointer);
        if (!value.equals(actual.asText(null))) {
            String what = request + " answered " + pointer + " = " + actual + ", expected " + value;
            conformance.violated(operation, what);
            throw new AssertionError(what);
        }
        return this;
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
