package io.hakit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.openapi.HaContract;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The path parameters that have one schema wherever the document uses their name (all of them, today): a value the
 * validator accepted for such a parameter in one operation is valid for it in every other, so the validation cache
 * may judge a request by its shape once its parameter values are known to be valid ({@link ValidationCache}).
 */
public final class SharedPathParameters {

    private SharedPathParameters() {}

    /** Each such parameter's name and its one schema, resolved. */
    public static Map<String, JsonNode> of(HaContract contract) {
        Map<String, Set<JsonNode>> schemas = new HashMap<>();
        JsonNode paths = contract.document().path("paths");
        for (HaContract.HttpOperation operation : contract.httpOperations()) {
            JsonNode pathItem = paths.path(operation.pathTemplate());
            for (JsonNode parameters : new JsonNode[] {pathItem.path("parameters"), operation.node().path("parameters")}) {
                for (JsonNode parameter : parameters) {
                    JsonNode resolved = contract.deref(parameter);
                    if ("path".equals(resolved.path("in").asText())) {
                        schemas.computeIfAbsent(resolved.path("name").asText(), name -> new HashSet<>())
                                .add(contract.deref(resolved.path("schema")));
                    }
                }
            }
        }
        return schemas.entrySet().stream().filter(entry -> entry.getValue().size() == 1).collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> entry.getValue().iterator().next()));
    }
}
