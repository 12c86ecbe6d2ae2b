package io.hakit.openapi.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.openapi.HaContract;
import io.hakit.openapi.HaContract.HttpOperation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Requests generated from the document itself, valid ones and ones invalid in exactly one way, for every HTTP
 * operation: bodies drawn from the request schemas (or a documented example with some fields drawn anew), each
 * constraint of a body broken in turn, path and query parameters in and out of their bounds, bodies that are not
 * JSON or not declared as JSON, and missing or unknown tokens. The same seed gives the same requests, in the same
 * order: the gate's negative testing and the reference server's hardening suite draw from this one generator.
 */
public final class RequestGenerator {

    private static final String JSON = "application/json";

    private final HaContract contract;
    private final Schemas schemas;
    private final Random random;
    private final ValidValues values;
    private final ConstraintBreaks breaks;
    private final BiFunction<String, String, String> realValues;
    private final List<HttpOperation> operations;
    private int count;

    /**
     * @param realValues the wire spelling of a real resource's id for a path parameter (operationId, name), or null
     *     to draw one (a made-up id, which the service answers 404)
     */
    public RequestGenerator(HaContract contract, long seed, BiFunction<String, String, String> realValues) {
        this.contract = contract;
        this.schemas = new Schemas(contract);
        this.random = new Random(seed);
        this.values = new ValidValues(schemas, random);
        this.breaks = new ConstraintBreaks(schemas, values, random);
        this.realValues = realValues;
        this.operations = contract.httpOperations().stream()
                .filter(op -> !op.pathTemplate().equals("/") && !op.pathTemplate().equals("/{version}")).toList();
    }

    /** The next request: an operation drawn (those that take a body twice as often), then what to do to it. */
    public GeneratedRequest next() {
        HttpOperation drawn = operations.get(random.nextInt(operations.size()));
        HttpOperation op = !drawn.node().has("requestBody") && random.nextBoolean()
                ? operations.get(random.nextInt(operations.size())) : drawn;
        int number = count++;
        JsonNode bodySchema = bodySchema(op);
        int roll = random.nextInt(100);
        if (bodySchema != null && roll < 45) {
            return brokenBody(op, bodySchema, number);
        }
        if (roll < 55) {
            return brokenParameter(op, number).orElseGet(() -> valid(op, bodySchema, number));
        }
        if (bodySchema != null && roll < 62) {
            return notJson(op, bodySchema, number);
        }
        if (roll < 66 && secured(op)) {
            return unauthenticated(op, random.nextBoolean()
                    ? GeneratedRequest.Credential.NONE : GeneratedRequest.Credential.UNKNOWN, number);
        }
        return valid(op, bodySchema, number);
    }

    /**
     * For every secured operation, a valid request without a token and one with an unknown token: the draws of
     * {@link #next()} reach each pair only by chance, and skipping authentication on one operation is the bug that
     * matters most.
     */
    public List<GeneratedRequest> unauthenticated() {
        List<GeneratedRequest> requests = new ArrayList<>();
        for (HttpOperation op : operations) {
            if (secured(op)) {
                requests.add(unauthenticated(op, GeneratedRequest.Credential.NONE, count++));
                requests.add(unauthenticated(op, GeneratedRequest.Credential.UNKNOWN, count++));
            }
        }
        return requests;
    }

    private GeneratedRequest unauthenticated(HttpOperation op, GeneratedRequest.Credential credential, int number) {
        GeneratedRequest valid = valid(op, bodySchema(op), number);
        return new GeneratedRequest(op.operationId(), valid.method(), valid.path(), valid.contentType(), valid.body(),
                credential, Optional.of("token-" + credential.name().toLowerCase()), number);
    }

    public List<GeneratedRequest> next(int n) {
        List<GeneratedRequest> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            requests.add(next());
        }
        return requests;
    }

    private GeneratedRequest valid(HttpOperation op, JsonNode bodySchema, int number) {
        Optional<String> body = Optional.ofNullable(bodySchema).map(schema -> validBody(op, schema).toString());
        return request(op, path(op, null, null) + query(op, null, null), body, number, null);
    }

    /** Half from the schema alone, half a documented example with one field drawn anew (closer to what is accepted). */
    private JsonNode validBody(HttpOperation op, JsonNode schema) {
        List<JsonNode> examples = examples(op);
        if (examples.isEmpty() || random.nextBoolean()) {
            return values.of(schema);
        }
        JsonNode example = examples.get(random.nextInt(examples.size())).deepCopy();
        List<ConstraintBreaks.Break> places = breaks.of(schema, example).stream()
                .filter(b -> b.constraint().equals("type") && !b.pointer().equals("/")).toList();
        if (places.isEmpty()) {
            return example;
        }
        String pointer = places.get(random.nextInt(places.size())).pointer();
        JsonNode fieldSchema = schemaAt(schema, pointer);
        if (fieldSchema != null && example.at(pointer.substring(0, pointer.lastIndexOf('/'))) instanceof ObjectNode parent) {
            parent.set(pointer.substring(pointer.lastIndexOf('/') + 1), values.of(fieldSchema));
        }
        return example;
    }

    private GeneratedRequest brokenBody(HttpOperation op, JsonNode schema, int number) {
        JsonNode valid = validBody(op, schema);
        List<ConstraintBreaks.Break> all = breaks.of(schema, valid);
        ConstraintBreaks.Break chosen = all.get(random.nextInt(all.size()));
        return request(op, path(op, null, null) + query(op, null, null), Optional.of(chosen.value().toString()), number,
                "body:" + chosen.pointer() + " " + chosen.constraint());
    }

    private GeneratedRequest notJson(HttpOperation op, JsonNode schema, int number) {
        String body = validBody(op, schema).toString();
        String path = path(op, null, null);
        return switch (random.nextInt(3)) {
            case 0 -> new GeneratedRequest(op.operationId(), method(op), path, Optional.of("text/plain"), Optional.of(body),
                    GeneratedRequest.Credential.OWN, Optional.of("media-type"), number);
            case 1 -> new GeneratedRequest(op.operationId(), method(op), path, Optional.empty(), Optional.of(body),
                    GeneratedRequest.Credential.OWN, Optional.of("media-type-missing"), number);
            default -> new GeneratedRequest(op.operationId(), method(op), path, Optional.of(JSON),
                    Optional.of(body.substring(0, random.nextInt(body.length()))), GeneratedRequest.Credential.OWN,
                    Optional.of("json-syntax"), number);
        };
    }

    /** One path or query parameter out of its schema, if the operation has one to break. */
    private Optional<GeneratedRequest> brokenParameter(HttpOperation op, int number) {
        List<JsonNode> parameters = new ArrayList<>();
        parameters(op).forEach(p -> {
            if (!p.path("name").asText().equals("accountId") && !p.path("name").asText().equals("version")) {
                parameters.add(p);
            }
        });
        if (parameters.isEmpty()) {
            return Optional.empty();
        }
        JsonNode parameter = parameters.get(random.nextInt(parameters.size()));
        JsonNode schema = schemas.resolve(parameter.path("schema"));
        JsonNode valid = values.of(schema);
        boolean text = Schemas.type(schema).equals("string"); // a parameter is text on the wire: no type to break
        List<ConstraintBreaks.Break> options = breaks.of(schema, valid).stream()
                .filter(b -> !b.value().isNull() && !b.value().isContainerNode() && !(text && b.constraint().equals("type")))
                .toList();
        if (options.isEmpty()) {
            return Optional.empty();
        }
        ConstraintBreaks.Break chosen = options.get(random.nextInt(options.size()));
        String name = parameter.path("name").asText();
        String value = chosen.value().isTextual() ? chosen.value().asText() : chosen.value().toString();
        boolean inPath = parameter.path("in").asText().equals("path");
        if (inPath && value.isEmpty()) {
            return Optional.empty(); // an empty segment is another path, not this parameter broken
        }
        String path = inPath ? path(op, name, value) + query(op, null, null) : path(op, null, null) + query(op, name, value);
        Optional<String> body = Optional.ofNullable(bodySchema(op)).map(s -> validBody(op, s).toString());
        return Optional.of(request(op, path, body, number, (inPath ? "path:" : "query:") + name + " " + chosen.constraint()));
    }

    private GeneratedRequest request(HttpOperation op, String path, Optional<String> body, int number, String constraint) {
        return new GeneratedRequest(op.operationId(), method(op), path, body.map(b -> JSON), body,
                GeneratedRequest.Credential.OWN, Optional.ofNullable(constraint), number);
    }

    /** The path with its parameters filled: real ids where given, drawn ones elsewhere, {@code broken} for one. */
    private String path(HttpOperation op, String brokenName, String brokenValue) {
        String path = op.pathTemplate();
        for (JsonNode parameter : parameters(op)) {
            if (!parameter.path("in").asText().equals("path")) {
                continue;
            }
            String name = parameter.path("name").asText();
            String value = name.equals(brokenName) ? escape(brokenValue) : realValues.apply(op.operationId(), name);
            if (value == null) {
                value = madeUpId(schemas.resolve(parameter.path("schema")));
            }
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    /** Some of the operation's query parameters (valid), with {@code broken} among them if given. */
    private String query(HttpOperation op, String brokenName, String brokenValue) {
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode parameter : parameters(op)) {
            if (!parameter.path("in").asText().equals("query")) {
                continue;
            }
            String name = parameter.path("name").asText();
            if (name.equals(brokenName)) {
                query.put(name, brokenValue);
            } else if (random.nextInt(3) == 0) {
                query.put(name, values.of(schemas.resolve(parameter.path("schema"))).asText());
            }
        }
        StringBuilder text = new StringBuilder();
        query.forEach((name, value) -> text.append(text.length() == 0 ? '?' : '&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return text.toString();
    }

    /** An id nothing has (a drawn UUID, or digits where the schema wants them): the service answers 404. */
    private String madeUpId(JsonNode schema) {
        if (schema.has("pattern") || schema.has("enum")) {
            return escape(values.of(schema).asText());
        }
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    private List<JsonNode> parameters(HttpOperation op) {
        List<JsonNode> parameters = new ArrayList<>();
        op.node().path("parameters").forEach(p -> parameters.add(contract.deref(p)));
        return parameters;
    }

    private JsonNode bodySchema(HttpOperation op) {
        JsonNode schema = contract.deref(op.node().path("requestBody")).path("content").path(JSON).path("schema");
        return schema.isMissingNode() ? null : schema;
    }

    private List<JsonNode> examples(HttpOperation op) {
        List<JsonNode> examples = new ArrayList<>();
        contract.deref(op.node().path("requestBody")).path("content").path(JSON).path("examples")
                .forEach(example -> examples.add(contract.deref(example).path("value")));
        return examples;
    }

    /** The schema of the value at a pointer of a valid body (following properties and items). */
    private JsonNode schemaAt(JsonNode schema, String pointer) {
        JsonNode current = schemas.resolve(schema);
        for (String token : pointer.substring(1).split("/")) {
            if (current.has("oneOf")) {
                JsonNode match = null;
                for (JsonNode variant : current.get("oneOf")) {
                    if (schemas.resolve(variant).path("properties").has(token)) {
                        match = schemas.resolve(variant);
                    }
                }
                current = match;
            }
            if (current == null) {
                return null;
            }
            current = schemas.resolve(current.path("properties").has(token) ? current.path("properties").get(token)
                    : current.path("items"));
        }
        return current;
    }

    private static boolean secured(HttpOperation op) {
        return !op.node().path("security").isArray() || !op.node().path("security").isEmpty();
    }

    private static String method(HttpOperation op) {
        return op.method().toUpperCase(java.util.Locale.ROOT);
    }

    private static String escape(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
