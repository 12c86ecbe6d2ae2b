package io.hakit.server.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Validates every request to an operation of either document against that document itself
 * (swagger-request-validator): the HA API's by the HA document, the control API's by openapi/emulator.yaml.
 * Parameters, the body's encoding (UTF-8), JSON syntax and schema (types, required and unknown fields, lengths in
 * code points, ranges, patterns). What fails is a 400 (the Fault, or the control API's Problem), before any rule of
 * the service is looked at; the request then reaches the resource unchanged. Also names the HA operation
 * (x-operations) once the body is known.
 */
public final class RequestValidationFilter implements ContainerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NO_BODY = new byte[0];

    private final Supplier<OpenApiInteractionValidator> haValidator;
    private final Supplier<OpenApiInteractionValidator> controlValidator;
    private final OperationNames operationNames;
    private final ValidationCache cache;
    private final BlankPathParameters blankPathParameters = new BlankPathParameters();
    private final Supplier<PathParameterValues> pathParameterValues;

    /** Each validator is built when the first request that needs it arrives ({@link BuiltOnFirstUse}). */
    public RequestValidationFilter(Supplier<OpenApiInteractionValidator> haValidator,
            Supplier<OpenApiInteractionValidator> controlValidator, OperationNames operationNames,
            Map<String, JsonNode> sharedPathParameters) {
        this.haValidator = haValidator;
        this.controlValidator = controlValidator;
        this.operationNames = operationNames;
        this.cache = new ValidationCache(sharedPathParameters.keySet());
        this.pathParameterValues = new BuiltOnFirstUse<>(() -> new PathParameterValues(sharedPathParameters));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        MatchedRoute route = MatchedRoute.of(request);
        String operationId = route.operationId();
        boolean ha = operationId != null && operationNames.knows(operationId);
        if (!ha && !route.isControlOperation()) {
            return; // the documents themselves, the docs page
        }
        byte[] body = readBody(request);
        if (ha && operationNames.takesNoInput(operationId) && body.length == 0
                && request.getUriInfo().getRequestUri().getRawQuery() == null) {
            // GET /: nothing to validate, so it need not build the validator
            operationNames.name(operationId, null).ifPresent(name -> request.setProperty(RequestAttributes.OPERATION, name));
            return;
        }
        ValidationCache.Verdict verdict = verdict(request, ha ? haValidator : controlValidator, ha ? operationId : null, body);
        if (verdict.problem() != null) {
            verdict.operation().ifPresent(name -> request.setProperty(RequestAttributes.OPERATION, name)); // journal
            request.abortWith(ErrorBodies.response(Paths.of(request), 400, verdict.problem()));
            return;
        }
        verdict.operation().ifPresent(name -> request.setProperty(RequestAttributes.OPERATION, name));
    }

    /** The validator's verdict on the request, and the HA operation it names; remembered for requests seen before. */
    private ValidationCache.Verdict verdict(ContainerRequestContext request,
            Supplier<OpenApiInteractionValidator> validator, String haOperationId, byte[] body) {
        if (!isUtf8(body)) {
            return new ValidationCache.Verdict("The request body is not UTF-8: JSON is sent as UTF-8.",
                    haOperationId == null ? Optional.empty() : operationNames.nameOfRefused(haOperationId, null));
        }
        ValidationCache.Question question = new ValidationCache.Question(request.getMethod(), Paths.of(request),
                haOperationId, rawPathParameters(request), request.getUriInfo().getRequestUri().getRawQuery(),
                request.getHeaderString("Content-Type"), body);
        ValidationCache.Verdict known = cache.get(question,
                (name, value) -> pathParameterValues.get().accepts(name, value));
        if (known != null) {
            return known;
        }
        ValidationReport report = blankPathParameters.judged(
                validator.get().validateRequest(toValidatorRequest(request, body)), decodedPathParameters(request));
        ValidationCache.Verdict verdict;
        if (report.hasErrors()) {
            JsonNode sent = parseLeniently(body);
            verdict = new ValidationCache.Verdict(Optional.ofNullable(haOperationId)
                    .flatMap(operationId -> operationNames.actionProblem(operationId, sent))
                    .orElseGet(() -> "Invalid request: " + ValidationMessages.summary(report, body,
                            request.getUriInfo().getRequestUri().getRawQuery())),
                    haOperationId == null ? Optional.empty() : operationNames.nameOfRefused(haOperationId, sent));
        } else {
            verdict = new ValidationCache.Verdict(null, haOperationId == null ? Optional.empty()
                    : operationNames.name(haOperationId, parse(body)));
        }
        cache.put(question, verdict);
        return verdict;
    }

    private static Map<String, String> decodedPathParameters(ContainerRequestContext request) {
        Map<String, String> parameters = new HashMap<>();
        request.getUriInfo().getPathParameters(true).forEach((name, values) -> parameters.put(name, values.get(0)));
        return parameters;
    }

    private static Map<String, String> rawPathParameters(ContainerRequestContext request) {
        Map<String, String> parameters = new HashMap<>();
        request.getUriInfo().getPathParameters(false).forEach((name, values) -> parameters.put(name, values.get(0)));
        return parameters;
    }

    /**
     * Whether the request says it has a body (RFC 9112, 6.3: a Content-Length above zero, or a Transfer-Encoding,
     * which the edge has checked). Most requests do not: they need not read an empty stream (which allocates a buffer).
     */
    private static boolean declaresBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.equals("0")) || request.getHeaderString("Transfer-Encoding") != null;
    }

    /**
     * Whether the body can be JSON in UTF-8: valid UTF-8 without a NUL byte. A NUL is never part of a JSON text (RFC
     * 8259, 7: control characters are escaped), but every UTF-16 or UTF-32 text of ASCII characters is half or three
     * quarters NULs, and no byte above 0x7F: read as "ASCII", such a body passed, and Jackson, which detects those
     * encodings by their NULs, read it and acted on it (RFC 8259, 8.1: JSON between systems is UTF-8; the same body
     * with a byte order mark was already refused).
     */
    private static boolean isUtf8(byte[] body) {
        boolean ascii = true;
        for (byte b : body) {
            if (b == 0) {
                return false;
            }
            ascii &= b > 0;
        }
        if (ascii) {
            return true; // most requests (no body, or a JSON body in ASCII): no decoder needed
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] readBody(ContainerRequestContext request) {
        if (!declaresBody(request) || !request.hasEntity()) {
            return NO_BODY;
        }
        try {
            // the declared length when there is one: readAllBytes allocates 8 KB for a body of 14 bytes
            String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            byte[] body = length == null ? request.getEntityStream().readAllBytes()
                    : readDeclared(request.getEntityStream(), Integer.parseInt(length));
            request.setEntityStream(new ByteArrayInputStream(body));
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The declared number of bytes, and whatever follows them (none, from the edge; read to be sure). */
    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] declared = in.readNBytes(length);
        int next = in.read();
        if (next < 0) {
            return declared;
        }
        ByteArrayOutputStream more = new ByteArrayOutputStream();
        more.write(declared);
        more.write(next);
        in.transferTo(more);
        return more.toByteArray();
    }

    private static Request toValidatorRequest(ContainerRequestContext request, byte[] body) {
        // The validator decodes a path's parameters as form data, '+' to a space; in a path '+' is itself (RFC 3986).
        String path = Paths.of(request).replace("+", "%2B");
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethod(), path);
        request.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                builder.withHeader(name, values);
            }
        });
        // The media type as Jersey read and routed it (ReadableContentType has refused what it cannot read): the
        // validator's own parser refuses empty parameters ("application/json;"), which RFC 9110 (8.3.1) allows.
        MediaType type = request.getMediaType();
        if (type != null) {
            builder.withContentType(type.toString());
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        query.forEach(builder::withQueryParam);
        if (body.length > 0) {
            builder.withBody(new BoundedJsonBody(body));
        }
        return builder.build();
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the validator accepted a body that is not JSON", e);
        }
    }

    private static JsonNode parseLeniently(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
