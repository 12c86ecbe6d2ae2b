package io.hakit.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.openapi.ContractValidators;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks every answer goes through, whoever sent the request (a scenario, the negative testing): no server
 * error, a status the document gives the operation, its content type, headers and body (named as Schemathesis
 * names its checks), and a rate limit's Retry-After in both places.
 */
public final class AnswerChecks {

    public static final List<String> CHECKS = List.of("not_a_server_error", "status_code_conformance",
            "content_type_conformance", "response_headers_conformance", "response_schema_conformance");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenApiInteractionValidator validator;

    public AnswerChecks(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** What is wrong with the answer, by check (empty: nothing). */
    public Map<String, List<String>> problems(String method, String rawPath, int status, Map<String, List<String>> headers,
            String body) {
        ValidationReport report = ContractValidators.validateResponse(validator, method, rawPath, status, headers, body);
        Map<String, List<String>> problems = new TreeMap<>();
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> problems.computeIfAbsent(checkOf(m.getKey()), k -> new ArrayList<>()).add(m.getMessage()));
        // The validator judges a Content-Type only when there is one: an answer with a body and none passed it.
        boolean typed = headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Content-Type")
                && h.getValue().stream().anyMatch(v -> !v.isBlank()));
        if (!typed && body != null && !body.isEmpty()) {
            problems.computeIfAbsent("content_type_conformance", k -> new ArrayList<>()).add("the answer has a body and"
                    + " no Content-Type: the document gives every answer's body a media type (application/json)");
        }
        if (status >= 500) {
            problems.computeIfAbsent("not_a_server_error", k -> new ArrayList<>()).add("a server error");
        }
        if (status == 413) {
            String inBody = parse(body).path("overLimit").path("retryAfter").asText(null);
            String header = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Retry-After"))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
            if (inBody != null && !inBody.equals(header) || inBody == null && header != null) {
                problems.computeIfAbsent("response_headers_conformance", k -> new ArrayList<>()).add("retryAfter "
                        + inBody + " in the body, Retry-After " + header + " in the headers: a rate limit's 413 has both, equal");
            }
        }
        return problems;
    }

    /**
     * What is wrong with the answer's bytes as text: JSON is UTF-8 (RFC 8259, section 8.1), and a body that is not is
     * read by most clients as replacement characters or refused; the answer's text hides it, so it is told here.
     */
    public static java.util.Optional<String> notUtf8(byte[] body) {
        if (body == null || body.length == 0) {
            return java.util.Optional.empty();
        }
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(body);
        try {
            decoder.decode(bytes);
            return java.util.Optional.empty();
        } catch (java.nio.charset.CharacterCodingException e) {
            int at = bytes.position();
            return java.util.Optional.of(String.format("the body is not UTF-8 (byte 0x%02x at offset %d): JSON is UTF-8 (RFC 8259)",
                    body[Math.min(at, body.length - 1)] & 0xff, at));
        }
    }

    /** The problems of {@link #problems(String, String, int, Map, String)}, and a body whose bytes are not UTF-8. */
    public Map<String, List<String>> problems(String method, String rawPath, int status, Map<String, List<String>> headers,
            byte[] body) {
        Map<String, List<String>> problems = problems(method, rawPath, status, headers,
                body == null ? null : new String(body, java.nio.charset.StandardCharsets.UTF_8));
        notUtf8(body).ifPresent(m -> problems.computeIfAbsent("response_schema_conformance", k -> new ArrayList<>()).add(m));
        if (body != null) {
            notOneJsonText(new String(body, java.nio.charset.StandardCharsets.UTF_8)).ifPresent(m -> problems
                    .computeIfAbsent("response_schema_conformance", k -> new ArrayList<>()).add(m));
        }
        return problems;
    }

    private static final com.fasterxml.jackson.core.JsonFactory STRICT = com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * What makes a JSON body other than one JSON text (RFC 8259, section 2) the gate's reader judges as one: a member
     * named twice in one object (the gate's reader, and its validator's, keeps the last and judged the answer by it; a
     * client that keeps the first reads something else: section 4, readers differ on what such an object means), or
     * anything after the value but white space (the gate's reader stops at the end of the first value: an answer of
     * {@code {...} garbage} passed, which a strict client refuses). Empty: neither, or not JSON at all (the validator
     * says so).
     */
    public static java.util.Optional<String> notOneJsonText(String body) {
        if (body == null || body.isBlank()) {
            return java.util.Optional.empty();
        }
        boolean valueRead = false;
        long valueEnd = 0;
        try (com.fasterxml.jackson.core.JsonParser parser = STRICT.createParser(body)) {
            parser.nextToken();
            parser.skipChildren(); // reads the whole value, each member name checked against its object's others
            valueRead = true;
            valueEnd = parser.currentLocation().getCharOffset();
            return parser.nextToken() == null ? java.util.Optional.empty() : java.util.Optional.of(after(valueEnd, "another value"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                return java.util.Optional.of("a member is named twice in one object (" + message + " at "
                        + e.getLocation().offsetDescription() + "): readers differ on which one counts (RFC 8259, section 4)");
            }
            return valueRead ? java.util.Optional.of(after(valueEnd, "text that is not JSON")) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String after(long valueEnd, String what) {
        return "the body is not one JSON value: " + what + " follows the value that ends at character " + valueEnd
                + " (a JSON text is one value, RFC 8259, section 2; a strict client refuses the answer)";
    }

    /** Whether an error answer is the Fault of its status ({"name": {"code": status, "message": ...}}). */
    public static boolean isFaultOf(int status, String body, Map<Integer, String> faultNames) {
        return faultProblem(status, body, faultNames).isEmpty();
    }

    /**
     * What is wrong with an error answer's body as the Fault of its status, the document's shape: one member named
     * for the status ({@code itemNotFound} for 404), an object with {@code code} (the status, an integer), {@code
     * message} (a non-empty string) and, where there is more to say, {@code details} (a string), neither holding a
     * stack trace ({@link StackTraces}). Empty: nothing.
     */
    public static java.util.Optional<String> faultProblem(int status, String body, Map<Integer, String> faultNames) {
        if (body == null || body.isBlank()) {
            return java.util.Optional.of("no body, where the " + faultName(status, faultNames) + " Fault was due");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException notJson) {
            return java.util.Optional.of("the body is not JSON, where the " + faultName(status, faultNames) + " Fault was due");
        }
        return faultProblem(status, json, faultNames);
    }

    /** {@link #faultProblem(int, String, Map)} of a body already read as JSON (missing: no body). */
    public static java.util.Optional<String> faultProblem(int status, JsonNode json, Map<Integer, String> faultNames) {
        String name = faultName(status, faultNames);
        if (!faultNames.containsKey(status)) {
            return java.util.Optional.of("the document gives " + status + " no Fault");
        }
        if (json == null || json.isMissingNode() || json.isNull()) {
            return java.util.Optional.of("no body, where the " + name + " Fault was due");
        }
        if (!json.isObject()) {
            return java.util.Optional.of("the body is a JSON " + json.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not the " + name + " Fault object");
        }
        List<String> members = new ArrayList<>();
        json.fieldNames().forEachRemaining(members::add);
        if (!json.has(name)) {
            String wrongName = faultNames.values().stream().filter(json::has).findFirst()
                    .map(other -> " (it is the " + other + " Fault, of another status)").orElse("");
            return java.util.Optional.of("the member " + name + " is missing" + wrongName + "; the body has "
                    + (members.isEmpty() ? "no member" : String.join(", ", members)));
        }
        List<String> extra = members.stream().filter(m -> !m.equals(name)).toList();
        if (!extra.isEmpty()) {
            return java.util.Optional.of("members besides " + name + ": " + String.join(", ", extra)
                    + " (the Fault is " + name + " alone)");
        }
        JsonNode fault = json.get(name);
        if (!fault.isObject()) {
            return java.util.Optional.of(name + " is not an object with code and message: " + abbreviated(fault));
        }
        JsonNode code = fault.get("code");
        if (code == null) {
            return java.util.Optional.of(name + ".code is missing (it repeats the status, " + status + ")");
        }
        if (!code.isIntegralNumber()) {
            return java.util.Optional.of(name + ".code is " + abbreviated(code) + ", not the integer " + status);
        }
        if (code.asInt() != status) {
            return java.util.Optional.of(name + ".code is " + code.asInt() + ", but the status is " + status);
        }
        JsonNode message = fault.get("message");
        if (message == null) {
            return java.util.Optional.of(name + ".message is missing");
        }
        if (!message.isTextual() || message.asText().isEmpty()) {
            return java.util.Optional.of(name + ".message is " + abbreviated(message) + ", not a non-empty string");
        }
        JsonNode details = fault.get("details");
        if (details != null && !details.isTextual()) {
            return java.util.Optional.of(name + ".details is " + abbreviated(details) + ", not a string");
        }
        for (JsonNode text : details == null ? List.of(message) : List.of(message, details)) {
            java.util.Optional<String> trace = StackTraces.in(text.asText());
            if (trace.isPresent()) {
                return java.util.Optional.of(name + "." + (text == message ? "message" : "details")
                        + " holds a stack trace (" + trace.get() + "): the document makes it what went wrong, for a"
                        + " person, and a trace names the implementation's insides to whoever sent the request");
            }
        }
        return java.util.Optional.empty();
    }

    private static String faultName(int status, Map<Integer, String> faultNames) {
        return faultNames.getOrDefault(status, "undocumented" + status);
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private static String checkOf(String validatorKey) {
        if (validatorKey.startsWith("validation.response.status")) {
            return "status_code_conformance";
        }
        if (validatorKey.startsWith("validation.response.contentType")) {
            return "content_type_conformance";
        }
        if (validatorKey.startsWith("validation.response.header")) {
            return "response_headers_conformance";
        }
        return "response_schema_conformance";
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
