package io.hakit.openapi.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.openapi.HaContract;
import io.hakit.openapi.HaContract.NamedOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One named operation as a typed call: its path parameters, the one argument its body carries (the body's
 * single-key wrappers, the action's among them, are the call's business, not the caller's), and its answer. Read
 * from the document's {@code x-operations} and schemas alone, so that every language's thin layer says the same.
 *
 * @param tag the carrier's first tag (the generated API class it lives in)
 * @param pathParameters the path parameters after {@code version} and {@code accountId}, in order
 * @param queryParameters the carrier's query parameters after them, in order (a list's {@code limit}, {@code marker},
 *     {@code datastore}): each typed call takes them as optional arguments, unset unless the caller gives them
 * @param body the body the call builds, if the carrier takes one
 * @param answer the component the call answers with; empty when it answers nothing (a bodyless 2xx)
 */
public record ClientOperation(
        String name,
        String summary,
        HaContract.HttpOperation carrier,
        String tag,
        List<PathParameter> pathParameters,
        List<QueryParameter> queryParameters,
        Optional<Body> body,
        Optional<String> answer) {

    /**
     * A path parameter; {@code replacements} are what a client must replace before its own single encoding (the
     * parameter's {@code x-client-encoding}), so that the ACL address is encoded in exactly one place.
     */
    public record PathParameter(String name, Map<String, String> replacements) {

        /**
         * The expression, in a client's language, that applies the replacements to {@code variable}: each spelt by
         * {@code replacement}, a format of the expression so far, what is replaced, and by what.
         */
        public String applied(String variable, String replacement) {
            String value = variable;
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                value = String.format(replacement, value, r.getKey(), r.getValue());
            }
            return value;
        }
    }

    /**
     * An optional query parameter: its name as the document spells it, and its scalar type ({@code string}, or
     * {@code integer} with its {@code format}, int32 or int64), from which each language spells the argument's type.
     */
    public record QueryParameter(String name, String type, String format) {

        public QueryParameter {
            if (!type.equals("string") && !type.equals("integer")) {
                throw new IllegalStateException("a typed call's query parameter must be a string or an integer, not "
                        + type + " (" + name + ")");
            }
        }

        public boolean integer() {
            return type.equals("integer");
        }

        /** Whether the integer is 64 bits (int64); int32 otherwise, as openapi-generator reads an unformatted one. */
        public boolean wide() {
            return format.equals("int64");
        }
    }

    /** One level of the body: the property {@code property} of the object component {@code holder}. */
    public record Step(String holder, String property, boolean required) {}

    /** What the caller gives: nothing (a fixed value or the empty object), a component's object, or a scalar. */
    public enum Kind { FIXED, EMPTY_OBJECT, OBJECT, STRING, INTEGER }

    /**
     * The body: the steps from the request's root component to the leaf, and the leaf.
     *
     * @param leafType the leaf's component name for {@link Kind#OBJECT}
     * @param argument the call's argument name (none for FIXED and EMPTY_OBJECT)
     * @param fixed the leaf's value for {@link Kind#FIXED} (x-operations {@code value})
     */
    public record Body(String root, List<Step> steps, Kind kind, String leafType, String argument, Optional<JsonNode> fixed) {}

    /** The 21 operations as typed calls (supporting reads aside). */
    public static List<ClientOperation> of(HaContract contract) {
        List<ClientOperation> operations = new ArrayList<>();
        for (NamedOperation named : contract.operations()) {
            JsonNode entry = entry(named);
            JsonNode node = named.carrier().node();
            List<PathParameter> path = new ArrayList<>();
            List<QueryParameter> query = new ArrayList<>();
            for (JsonNode parameter : node.path("parameters")) {
                JsonNode p = contract.deref(parameter);
                String name = p.path("name").asText();
                if (p.path("in").asText().equals("query")) {
                    if (p.path("required").asBoolean(false)) {
                        throw new IllegalStateException(named.name() + ": a typed call's query parameters are optional; "
                                + name + " is required");
                    }
                    JsonNode schema = contract.deref(p.path("schema"));
                    query.add(new QueryParameter(name, schema.path("type").asText(), schema.path("format").asText("")));
                }
                if (p.path("in").asText().equals("path") && !name.equals("version") && !name.equals("accountId")) {
                    Map<String, String> replace = new java.util.LinkedHashMap<>();
                    p.path("x-client-encoding").path("replace").fields()
                            .forEachRemaining(r -> replace.put(r.getKey(), r.getValue().asText()));
                    path.add(new PathParameter(name, replace));
                }
            }
            operations.add(new ClientOperation(named.name(), named.summary(), named.carrier(),
                    node.path("tags").path(0).asText(), List.copyOf(path), List.copyOf(query), body(contract, named, entry),
                    answer(contract, named)));
        }
        return List.copyOf(operations);
    }

    /** Whether the carrier declares any content for its success answer (Go's Execute then returns a value). */
    public boolean carrierAnswers() {
        var responses = carrier.node().path("responses").fields();
        while (responses.hasNext()) {
            var response = responses.next();
            if (response.getKey().startsWith("2")) {
                return response.getValue().has("content") || response.getValue().has("$ref");
            }
        }
        return false;
    }

    private static JsonNode entry(NamedOperation named) {
        for (JsonNode entry : named.carrier().node().path("x-operations")) {
            if (entry.path("name").asText().equals(named.name())) {
                return entry;
            }
        }
        throw new IllegalStateException(named.name());
    }

    private static Optional<Body> body(HaContract contract, NamedOperation named, JsonNode entry) {
        JsonNode schemaRef = named.carrier().node().path("requestBody").path("content").path("application/json").path("schema");
        if (schemaRef.isMissingNode()) {
            return Optional.empty();
        }
        String root = component(schemaRef);
        List<Step> steps = new ArrayList<>();
        JsonNode current = schemaRef;
        if (named.action().isPresent()) {
            JsonNode schema = contract.deref(current);
            String action = named.action().get();
            steps.add(new Step(root, action, required(schema, action)));
            current = schema.path("properties").path(action);
        }
        while (true) {
            JsonNode schema = contract.deref(current);
            JsonNode properties = schema.path("properties");
            if (properties.size() == 1 && schema.path("required").size() == 1) {
                String property = properties.fieldNames().next();
                steps.add(new Step(component(current), property, true));
                current = properties.get(property);
                continue;
            }
            String last = steps.isEmpty() ? root : steps.get(steps.size() - 1).property();
            String argument = entry.path("argument").asText(camel(last));
            if (entry.has("value")) {
                return Optional.of(new Body(root, steps, Kind.FIXED, null, null, Optional.of(entry.get("value"))));
            }
            if (schema.path("type").asText().equals("object") && properties.isEmpty()) {
                return Optional.of(new Body(root, steps, Kind.EMPTY_OBJECT, null, null, Optional.empty()));
            }
            if (current.has("$ref") && schema.path("type").asText("object").equals("object")) {
                String type = component(current);
                return Optional.of(new Body(root, steps, Kind.OBJECT, type, entry.path("argument")
                        .asText(Character.toLowerCase(type.charAt(0)) + type.substring(1)), Optional.empty()));
            }
            Kind kind = schema.path("type").asText().equals("integer") ? Kind.INTEGER : Kind.STRING;
            return Optional.of(new Body(root, steps, kind, null, argument, Optional.empty()));
        }
    }

    /**
     * The component of the success answer, unless the operation answers with no body: the carrier declares no
     * content, or declares it optional ({@code x-body-required: false}) and this operation's documented answer has
     * none (every action but upgrade).
     */
    private static Optional<String> answer(HaContract contract, NamedOperation named) {
        var responses = named.carrier().node().path("responses").fields();
        while (responses.hasNext()) {
            var response = responses.next();
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            JsonNode r = contract.deref(response.getValue());
            JsonNode schema = r.path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                return Optional.empty();
            }
            boolean optional = !r.path("x-body-required").asBoolean(true);
            boolean documentedBody = contract.documentedExchanges().stream()
                    .anyMatch(e -> e.operation().equals(named.name()) && e.responseBody().isPresent());
            return optional && !documentedBody ? Optional.empty() : Optional.of(component(schema));
        }
        return Optional.empty();
    }

    private static boolean required(JsonNode schema, String property) {
        for (JsonNode name : schema.path("required")) {
            if (name.asText().equals(property)) {
                return true;
            }
        }
        return false;
    }

    static String component(JsonNode ref) {
        String text = ref.path("$ref").asText();
        if (!text.startsWith("#/components/schemas/")) {
            throw new IllegalStateException("a client's body or answer must be a named component, not " + ref);
        }
        return text.substring("#/components/schemas/".length());
    }

    /** snake_case to lowerCamelCase. */
    static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** snake_case or camelCase to UpperCamelCase. */
    static String pascal(String name) {
        String camel = camel(name);
        return Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }
}
