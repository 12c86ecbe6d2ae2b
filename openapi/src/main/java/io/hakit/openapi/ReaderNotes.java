package io.hakit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes what the document's {@code x-} facts say into the text that renderers show, since Redoc and Swagger UI
 * show no extension: per operation, the named operations it carries (each with its body), the documented exchanges
 * (request with its headers and body, status and answer), which answers have no body; and under every rule, where
 * it comes from ({@code x-provenance}). The source files stay the single source: only the bundle gets the text.
 */
final class ReaderNotes {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final ObjectNode document;

    private ReaderNotes(ObjectNode document) {
        this.document = document;
    }

    /** Adds the notes to a bundled document, in place. */
    static void addTo(ObjectNode bundle) {
        ReaderNotes notes = new ReaderNotes(bundle);
        notes.provenance(bundle); // first, so that an operation's sources come before its exchanges
        notes.gettingStarted(bundle);
        bundle.path("paths").forEach(pathItem -> {
            for (String method : METHODS) {
                if (pathItem.get(method) instanceof ObjectNode operation) {
                    notes.operation(method.toUpperCase(java.util.Locale.ROOT), operation);
                }
            }
        });
    }

    /** The getting-started sequence as a numbered list in the overview, where both renderers show it. */
    private void gettingStarted(ObjectNode bundle) {
        JsonNode sequence = bundle.path("x-getting-started");
        if (!(bundle.path("info") instanceof ObjectNode info) || sequence.isMissingNode()) {
            return;
        }
        StringBuilder text = new StringBuilder(info.path("description").asText().stripTrailing());
        text.append("\n\n## Getting started\n\n").append(sequence.path("description").asText()).append("\n\n");
        int number = 1;
        for (JsonNode step : sequence.path("steps")) {
            String operation = step.path("operation").asText();
            text.append(number++).append(". `").append(step.path("name").asText()).append("` (").append(operation)
                    .append("): `").append(methodOf(bundle, operation)).append(' ').append(step.path("path").asText())
                    .append('`');
            if (step.has("body")) {
                text.append(" with `").append(step.get("body")).append('`');
            }
            text.append(", answers ").append(step.path("status").asInt());
            if (step.has("until")) {
                text.append(", sent again until it holds ").append(step.get("until").isEmpty() ? "that status" : "`" + step.get("until") + "`");
            }
            if (step.has("expect")) {
                text.append("; holds `").append(step.get("expect")).append('`');
            }
            if (step.has("capture")) {
                text.append("; keeps `").append(step.get("capture")).append('`');
            }
            text.append('\n');
        }
        info.put("description", text.toString());
    }

    /** The method of an operation, named by its operationId or by one of its x-operations. */
    private static String methodOf(ObjectNode bundle, String name) {
        for (JsonNode pathItem : bundle.path("paths")) {
            for (String method : METHODS) {
                JsonNode operation = pathItem.path(method);
                boolean named = operation.path("operationId").asText().equals(name);
                for (JsonNode op : operation.path("x-operations")) {
                    named |= op.path("name").asText().equals(name);
                }
                if (named) {
                    return method.toUpperCase(java.util.Locale.ROOT);
                }
            }
        }
        throw new IllegalStateException("x-getting-started names " + name + ", which no operation of the document is");
    }

    private void operation(String method, ObjectNode operation) {
        JsonNode named = operation.path("x-operations");
        if (named.size() > 1) {
            List<String> names = new ArrayList<>();
            named.forEach(op -> names.add(op.path("name").asText()));
            operation.put("summary", operation.path("summary").asText() + ": " + String.join(", ", names));
        }
        StringBuilder text = new StringBuilder(operation.path("description").asText().stripTrailing());
        // bold labels, not headings: Redoc links a heading inside an operation's description to a route it cannot open
        text.append("\n\n**Operations**\n\n");
        named.forEach(op -> text.append(namedOperation(operation, op)));
        String bodiless = bodilessAnswers(operation);
        if (!bodiless.isEmpty()) {
            text.append("\n**Answers without a body:** ").append(bodiless).append("\n");
        }
        text.append("\n**Documented exchanges**\n");
        operation.path("x-documented-requests").fields()
                .forEachRemaining(e -> text.append(exchange(method, operation, e.getKey(), e.getValue())));
        operation.put("description", text.toString());
    }

    private String namedOperation(ObjectNode operation, JsonNode op) {
        String name = op.path("name").asText();
        StringBuilder line = new StringBuilder("- **").append(name).append("**: ").append(op.path("summary").asText());
        if (op.has("action")) {
            line.append(" (the body's key is `").append(op.path("action").asText()).append("`)");
        }
        if (op.has("when")) {
            line.append(", when ").append(op.path("when").asText());
        }
        if (op.path("supporting").asBoolean(false)) {
            line.append(" (a supporting read)");
        }
        line.append(".\n");
        operation.path("x-documented-requests").fields().forEachRemaining(e -> {
            if (e.getValue().path("operation").asText().equals(name)) {
                requestExample(operation, e.getKey()).ifPresent(body -> line.append("\n  ```json\n")
                        .append(indent(json(body), "  ")).append("\n  ```\n"));
            }
        });
        return line.toString();
    }

    /** The documented statuses whose answer has no body, and for which operations. */
    private String bodilessAnswers(ObjectNode operation) {
        List<String> parts = new ArrayList<>();
        operation.path("x-documented-requests").fields().forEachRemaining(e -> {
            String status = e.getValue().path("status").asText();
            if (responseExample(operation, status, e.getKey()).isEmpty()) {
                parts.add(status + " for " + e.getValue().path("operation").asText());
            }
        });
        JsonNode notRequired = deref(operation.path("responses")).path("202").path("x-body-required");
        String extension = notRequired.isBoolean() && !notRequired.asBoolean() ? " (`x-body-required: false`)" : "";
        return parts.isEmpty() ? "" : String.join(", ", parts) + extension + ".";
    }

    private String exchange(String method, ObjectNode operation, String name, JsonNode request) {
        StringBuilder text = new StringBuilder("\n**").append(name).append("**\n\n");
        String source = switch (request.path("source").asText()) {
            case "seed" -> "From the seed's example \"" + request.path("seedTitle").asText() + "\".";
            // those docs give the request, the status and the answer's fields, not a wire example to copy
            case "reference-notes" -> "The kit's example of an exchange Rackspace's wider Cloud Databases docs "
                    + "describe: the path, the body's shape and the status are theirs; the values "
                    + "(ids, names, times) are the kit's.";
            default -> "A supporting read of the kit.";
        };
        text.append(source).append(" Operation ").append(request.path("operation").asText()).append(".\n\n");
        text.append("```http\n").append(method).append(' ').append(request.path("path").asText()).append(" HTTP/1.1\n");
        request.path("headers").fields().forEachRemaining(h -> text.append(h.getKey()).append(": ")
                .append(h.getValue().asText()).append('\n'));
        requestExample(operation, name).ifPresent(body -> text.append('\n').append(json(body)).append('\n'));
        text.append("```\n\n");
        String status = request.path("status").asText();
        var answer = responseExample(operation, status, name);
        if (answer.isPresent()) {
            text.append("Answer: **").append(status).append("**\n\n```json\n").append(json(answer.get())).append("\n```\n");
        } else {
            text.append("Answer: **").append(status).append("**, no body.\n");
        }
        if (request.has("notCompared")) {
            text.append("\nNot compared on replay: ");
            List<String> pointers = new ArrayList<>();
            request.path("notCompared").forEach(p -> pointers.add("`" + p.asText() + "`"));
            text.append(String.join(", ", pointers)).append(". ").append(request.path("notComparedWhy").asText("")).append('\n');
        }
        if (request.has("note")) {
            text.append('\n').append(request.path("note").asText()).append('\n');
        }
        return text.toString();
    }

    private java.util.Optional<JsonNode> requestExample(JsonNode operation, String name) {
        return example(deref(operation.path("requestBody")), name);
    }

    private java.util.Optional<JsonNode> responseExample(JsonNode operation, String status, String name) {
        return example(deref(operation.path("responses").path(status)), name);
    }

    private java.util.Optional<JsonNode> example(JsonNode bodyOrResponse, String name) {
        JsonNode example = bodyOrResponse.path("content").path("application/json").path("examples").path(name);
        return example.isMissingNode() ? java.util.Optional.empty() : java.util.Optional.of(deref(example).path("value"));
    }

    /** Appends "Where this comes from" to the description of every element with x-provenance. */
    private void provenance(JsonNode node) {
        if (node.isArray()) {
            node.forEach(this::provenance);
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : iterable(object)) {
            if (!field.getKey().equals("examples") && !field.getKey().equals("example")
                    && !field.getKey().startsWith("x-")) {
                provenance(field.getValue());
            }
        }
        JsonNode marks = object.get("x-provenance");
        if (marks != null) {
            List<String> sources = new ArrayList<>();
            (marks.isArray() ? marks : JSON.createArrayNode().add(marks)).forEach(m -> sources.add(source(m)));
            String description = object.path("description").asText("").stripTrailing();
            object.put("description", (description.isEmpty() ? "" : description + "\n\n")
                    + "*Where this comes from:*\n\n- " + String.join("\n- ", sources) + "\n");
        }
    }

    /**
     * How a kit mark names its decision in "Where this comes from": {@code (K9, docs/fidelity.md)}, with the mark
     * {@code shown} as given (the reference page shows it as a link to the decision's text, {@link ReferencePage}).
     */
    static String decisionReference(String decision, String shown) {
        return "(" + shown + ", " + (decision.startsWith("discrepancy") ? "docs/seed-discrepancies.md" : "docs/fidelity.md")
                + ")";
    }

    private static String source(JsonNode mark) {
        StringBuilder text = new StringBuilder();
        if (mark.has("seed")) {
            text.append("the seed, \"").append(mark.path("seed").asText()).append("\": “")
                    .append(mark.path("says").asText()).append("”");
        } else if (mark.has("rackspace")) {
            text.append("Rackspace's Cloud Databases docs (").append(mark.path("rackspace").asText()).append(")");
        } else {
            String decision = mark.path("kit").asText();
            text.append(decision.startsWith("discrepancy") ? "the kit's choice where the seed contradicts itself "
                    : "a decision of the kit ").append(decisionReference(decision, decision));
        }
        List<String> detail = new ArrayList<>();
        if (mark.has("rule")) {
            detail.add(mark.path("rule").asText());
        }
        if (mark.has("for")) {
            List<String> rules = new ArrayList<>();
            mark.path("for").forEach(r -> rules.add(r.asText().equals("description") ? "the text" : "`" + r.asText() + "`"));
            detail.add("for " + String.join(", ", rules));
        }
        if (!detail.isEmpty()) {
            text.append(" [").append(String.join("; ", detail)).append("]");
        }
        return text.toString();
    }

    private JsonNode deref(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static String json(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String indent(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(ObjectNode object) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        object.fields().forEachRemaining(fields::add);
        return fields;
    }
}
