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
        return problems;
    }

    /** Whether an error answer is the Fault of its status ({"name": {"code": status, "message": ...}}). */
    public static boolean isFaultOf(int status, String body, Map<Integer, String> faultNames) {
        JsonNode json = parse(body);
        String name = faultNames.get(status);
        return name != null && json.size() == 1 && json.path(name).path("code").asInt() == status
                && json.path(name).path("message").isTextual();
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
