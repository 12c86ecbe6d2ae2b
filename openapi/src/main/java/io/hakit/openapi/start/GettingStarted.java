package io.hakit.openapi.start;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.openapi.HaContract;
import io.hakit.openapi.HaContract.NamedOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The document's {@code x-getting-started}: the first requests a client team can send to an account that holds
 * nothing yet, in order. Each step names its operation; the method comes from the operation that carries it.
 */
public record GettingStarted(Map<String, String> headers, List<Step> steps) {

    /**
     * One request of the sequence.
     *
     * @param body the request body with {@code {name}} where a captured value goes, if the step sends one
     * @param expect JSON pointers into the answer and the value each must hold ({@code {name}} substituted)
     * @param capture names given to values of the answer, for the steps that follow
     * @param until present when the step is sent again until its answer has its status and these values
     */
    public record Step(String name, String operation, String method, String path, Optional<JsonNode> body, int status,
            Map<String, JsonNode> expect, Map<String, String> capture, Optional<Map<String, JsonNode>> until) {}

    public static GettingStarted of(HaContract contract) {
        JsonNode node = contract.document().path("x-getting-started");
        Map<String, String> headers = new LinkedHashMap<>();
        node.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : node.path("steps")) {
            String operation = step.path("operation").asText();
            NamedOperation named = contract.namedOperations().stream().filter(op -> op.name().equals(operation))
                    .findFirst().orElseThrow(() -> new IllegalStateException("x-getting-started step "
                            + step.path("name").asText() + " names no operation: " + operation));
            steps.add(new Step(step.path("name").asText(), operation, named.carrier().method().toUpperCase(java.util.Locale.ROOT),
                    step.path("path").asText(), Optional.ofNullable(step.get("body")), step.path("status").asInt(),
                    values(step.path("expect")), strings(step.path("capture")),
                    step.has("until") ? Optional.of(values(step.get("until"))) : Optional.empty()));
        }
        return new GettingStarted(Map.copyOf(headers), List.copyOf(steps));
    }

    private static Map<String, JsonNode> values(JsonNode node) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
        return values;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}
