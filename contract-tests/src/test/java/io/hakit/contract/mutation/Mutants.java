package io.hakit.contract.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.openapi.HaContract;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Broken variants of the API, derived from the document itself: for every HTTP operation that carries one of the 21
 * operations, every field of its success answers dropped, renamed and given another type; its success status
 * swapped; its authentication skipped; a refusal of it turned into its success. Each is what an implementation
 * with exactly that one bug would answer, as a proxy in front of the reference server makes it.
 */
public final class Mutants {

    /** One broken variant. */
    public record Mutant(String id, Kind kind, String operationId, String method, String pathTemplate, int status,
            String pointer, boolean optionalField, String description) {}

    public enum Kind { FIELD_DROPPED, FIELD_RENAMED, FIELD_RETYPED, STATUS_SWAPPED, AUTH_SKIPPED, REFUSAL_ACCEPTED }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Mutants() {}

    public static List<Mutant> derive(HaContract contract) {
        List<Mutant> mutants = new ArrayList<>();
        for (HaContract.HttpOperation op : contract.httpOperations()) {
            boolean carriesOne = contract.namedOperations().stream()
                    .anyMatch(named -> named.carrier().operationId().equals(op.operationId()) && !named.supporting());
            if (!carriesOne) {
                continue;
            }
            String method = op.method().toUpperCase(Locale.ROOT);
            int success = successStatus(op);
            JsonNode schema = contract.deref(contract.deref(op.node().path("responses").path(String.valueOf(success)))
                    .path("content").path("application/json").path("schema"));
            Map<String, Boolean> fields = new LinkedHashMap<>();
            if (!schema.isMissingNode()) {
                fields(contract, schema, "", true, fields, 0);
            }
            fields.forEach((pointer, required) -> {
                for (Kind kind : List.of(Kind.FIELD_DROPPED, Kind.FIELD_RENAMED, Kind.FIELD_RETYPED)) {
                    mutants.add(new Mutant(op.operationId() + " " + kind.name().toLowerCase() + " " + pointer, kind,
                            op.operationId(), method, op.pathTemplate(), success, pointer, !required,
                            kind.name().toLowerCase().replace('_', ' ') + " " + pointer + " of the " + success + " answer"));
                }
            });
            int swapped = success == 200 ? 201 : 200;
            mutants.add(new Mutant(op.operationId() + " status " + success + "->" + swapped, Kind.STATUS_SWAPPED,
                    op.operationId(), method, op.pathTemplate(), success, String.valueOf(swapped), false,
                    "answers " + swapped + " instead of " + success));
            mutants.add(new Mutant(op.operationId() + " auth skipped", Kind.AUTH_SKIPPED, op.operationId(), method,
                    op.pathTemplate(), success, "", false, "serves a request without a valid token, or with another account's"));
            mutants.add(new Mutant(op.operationId() + " refusal accepted", Kind.REFUSAL_ACCEPTED, op.operationId(), method,
                    op.pathTemplate(), success, "", false, "answers " + success + " where the reference server refuses (400, 404, 422)"));
        }
        return mutants;
    }

    /** The operation's success status: its one 2xx. */
    static int successStatus(HaContract.HttpOperation op) {
        var names = op.node().path("responses").fieldNames();
        while (names.hasNext()) {
            String status = names.next();
            if (status.startsWith("2")) {
                return Integer.parseInt(status);
            }
        }
        throw new IllegalStateException(op.operationId() + " has no success answer");
    }

    /** Every field of a schema, as a pointer ({@code *} for each array item), and whether it is required. */
    private static void fields(HaContract contract, JsonNode raw, String at, boolean required, Map<String, Boolean> out,
            int depth) {
        JsonNode schema = merged(contract, raw);
        if (depth > 8) {
            return;
        }
        if (schema.has("items")) {
            fields(contract, schema.get("items"), at + "/*", required, out, depth + 1);
            return;
        }
        Set<String> requiredNames = new LinkedHashSet<>();
        schema.path("required").forEach(r -> requiredNames.add(r.asText()));
        schema.path("properties").fields().forEachRemaining(property -> {
            String pointer = at + "/" + property.getKey();
            out.put(pointer, required && requiredNames.contains(property.getKey()));
            fields(contract, property.getValue(), pointer, required && requiredNames.contains(property.getKey()), out, depth + 1);
        });
    }

    private static JsonNode merged(HaContract contract, JsonNode raw) {
        JsonNode schema = contract.deref(raw);
        if (!schema.has("allOf")) {
            return schema;
        }
        ObjectNode merged = NODES.objectNode();
        ObjectNode properties = merged.putObject("properties");
        ArrayNode required = merged.putArray("required");
        for (JsonNode member : schema.get("allOf")) {
            JsonNode part = merged(contract, member);
            part.path("properties").fields().forEachRemaining(p -> properties.set(p.getKey(), p.getValue()));
            part.path("required").forEach(required::add);
        }
        schema.path("properties").fields().forEachRemaining(p -> properties.set(p.getKey(), p.getValue()));
        schema.path("required").forEach(required::add);
        return merged;
    }

    /** The answer's body with the mutant's change made at its pointer (at every item where it passes an array). */
    static String mutateBody(Mutant mutant, String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null) {
                return body;
            }
            String[] tokens = mutant.pointer().substring(1).split("/");
            return apply(json, tokens, 0, mutant.kind()) ? json.toString() : body;
        } catch (IOException notJson) {
            return body;
        }
    }

    /** Changes the node the tokens lead to; whether anything was there to change. */
    private static boolean apply(JsonNode node, String[] tokens, int index, Kind kind) {
        String token = tokens[index];
        if (token.equals("*")) {
            boolean changed = false;
            if (node.isArray() && index + 1 < tokens.length) {
                for (JsonNode item : node) {
                    changed |= apply(item, tokens, index + 1, kind);
                }
            }
            return changed;
        }
        if (!(node instanceof ObjectNode object) || !object.has(token)) {
            return false;
        }
        if (index + 1 < tokens.length) {
            return apply(object.get(token), tokens, index + 1, kind);
        }
        JsonNode value = object.get(token);
        switch (kind) {
            case FIELD_DROPPED -> object.remove(token);
            case FIELD_RENAMED -> {
                object.remove(token);
                object.set(token + "_renamed", value);
            }
            case FIELD_RETYPED -> object.set(token, value.isTextual() ? NODES.numberNode(1)
                    : value.isNumber() ? NODES.textNode("1") : value.isBoolean() ? NODES.textNode("true")
                    : value.isArray() ? NODES.textNode("[]") : value.isObject() ? NODES.textNode("{}")
                    : NODES.arrayNode()); // null: a list is no nullable scalar's type
            default -> throw new IllegalArgumentException(kind + " does not change a field");
        }
        return true;
    }
}
