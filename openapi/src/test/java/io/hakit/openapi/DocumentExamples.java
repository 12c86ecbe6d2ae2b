package io.hakit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every example of a document paired with the schema it must satisfy: the examples of request bodies, responses,
 * parameters and headers (named ones through their {@code #/components/examples} reference), and the
 * {@code example} of every schema, at any depth.
 */
final class DocumentExamples {

    /** One example and its schema; {@code where} is the example's JSON pointer, as used there. */
    record SchemaExample(String where, JsonNode schema, JsonNode example) {}

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final JsonNode document;
    private final Map<String, SchemaExample> found = new LinkedHashMap<>();

    private DocumentExamples(JsonNode document) {
        this.document = document;
    }

    static List<SchemaExample> of(JsonNode document) {
        DocumentExamples examples = new DocumentExamples(document);
        examples.walkDocument();
        return new ArrayList<>(examples.found.values());
    }

    private void walkDocument() {
        document.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    walkOperation("/paths/" + escape(path.getKey()) + "/" + method, operation);
                }
            }
        });
        document.path("components").path("schemas").fields().forEachRemaining(
                schema -> walkSchema("/components/schemas/" + escape(schema.getKey()), schema.getValue()));
    }

    private void walkOperation(String at, JsonNode operation) {
        JsonNode parameters = operation.path("parameters");
        for (int i = 0; i < parameters.size(); i++) {
            walkParameterOrHeader(at + "/parameters/" + i, parameters.get(i));
        }
        if (operation.has("requestBody")) {
            walkContent(at + "/requestBody", operation.get("requestBody"));
        }
        operation.path("responses").fields().forEachRemaining(response -> {
            String where = at + "/responses/" + response.getKey();
            walkContent(where, response.getValue());
            deref(response.getValue()).path("headers").fields().forEachRemaining(
                    header -> walkParameterOrHeader(where + "/headers/" + escape(header.getKey()), header.getValue()));
        });
    }

    private void walkParameterOrHeader(String at, JsonNode node) {
        String where = pointerOf(node, at);
        JsonNode resolved = deref(node);
        walkExamples(where, resolved, resolved.path("schema"));
        walkSchema(where + "/schema", resolved.path("schema"));
    }

    private void walkContent(String at, JsonNode bodyOrResponse) {
        String where = pointerOf(bodyOrResponse, at);
        deref(bodyOrResponse).path("content").fields().forEachRemaining(media -> {
            String mediaAt = where + "/content/" + escape(media.getKey());
            walkExamples(mediaAt, media.getValue(), media.getValue().path("schema"));
            walkSchema(mediaAt + "/schema", media.getValue().path("schema"));
        });
    }

    /** The {@code example} and the named {@code examples} of a media type, parameter or header. */
    private void walkExamples(String at, JsonNode holder, JsonNode schema) {
        if (holder.has("example")) {
            add(at + "/example", schema, holder.get("example"));
        }
        holder.path("examples").fields().forEachRemaining(named -> {
            String where = pointerOf(named.getValue(), at + "/examples/" + escape(named.getKey()));
            JsonNode example = deref(named.getValue());
            if (example.has("value")) {
                add(where + "/value", schema, example.get("value"));
            }
        });
    }

    private void walkSchema(String at, JsonNode schema) {
        if (!schema.isObject() || schema.has("$ref")) {
            return; // a referenced schema is walked where it is defined
        }
        if (schema.has("example")) {
            add(at + "/example", schema, schema.get("example"));
        }
        schema.path("properties").fields().forEachRemaining(
                property -> walkSchema(at + "/properties/" + escape(property.getKey()), property.getValue()));
        walkSchema(at + "/items", schema.path("items"));
        walkSchema(at + "/additionalProperties", schema.path("additionalProperties"));
        walkSchema(at + "/not", schema.path("not"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode members = schema.path(combinator);
            for (int i = 0; i < members.size(); i++) {
                walkSchema(at + "/" + combinator + "/" + i, members.get(i));
            }
        }
    }

    private void add(String where, JsonNode schema, JsonNode example) {
        found.putIfAbsent(where + " " + schema, new SchemaExample(where, schema, example));
    }

    private String pointerOf(JsonNode node, String at) {
        return node.has("$ref") ? node.get("$ref").asText().substring(1) : at;
    }

    private JsonNode deref(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
