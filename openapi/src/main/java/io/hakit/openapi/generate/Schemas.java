package io.hakit.openapi.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.openapi.HaContract;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The bundle's schemas as the generators read them: {@code $ref}s followed and {@code allOf}s merged into one
 * object schema, so that each generator sees properties, required fields and constraints in one place.
 */
final class Schemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HaContract contract;

    Schemas(HaContract contract) {
        this.contract = contract;
    }

    /** The schema with its references followed and its allOf members merged (recursively, at this level only). */
    JsonNode resolve(JsonNode schema) {
        JsonNode resolved = contract.deref(schema);
        if (!resolved.has("allOf")) {
            return resolved;
        }
        ObjectNode merged = NODES.objectNode();
        ObjectNode properties = merged.putObject("properties");
        Set<String> required = new LinkedHashSet<>();
        resolved.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("allOf")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        for (JsonNode member : resolved.get("allOf")) {
            JsonNode part = resolve(member);
            part.fields().forEachRemaining(field -> {
                switch (field.getKey()) {
                    case "properties" -> field.getValue().fields().forEachRemaining(p -> properties.set(p.getKey(), p.getValue()));
                    case "required" -> field.getValue().forEach(r -> required.add(r.asText()));
                    default -> merged.set(field.getKey(), field.getValue());
                }
            });
        }
        resolved.path("properties").fields().forEachRemaining(p -> properties.set(p.getKey(), p.getValue()));
        resolved.path("required").forEach(r -> required.add(r.asText()));
        ArrayNode requiredNode = merged.putArray("required");
        required.forEach(requiredNode::add);
        merged.put("type", "object");
        return merged;
    }

    /** The schema's type; an object when it has properties but names none. */
    static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            JsonNode first = schema.get("enum").get(0);
            return first.isTextual() ? "string" : first.isIntegralNumber() ? "integer" : first.isNumber() ? "number" : "string";
        }
        return "any";
    }

    /** Whether the schema refuses properties it does not name. */
    static boolean closed(JsonNode schema) {
        JsonNode additional = schema.get("additionalProperties");
        return additional != null && additional.isBoolean() && !additional.asBoolean();
    }

    static Set<String> required(JsonNode schema) {
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return required;
    }
}
