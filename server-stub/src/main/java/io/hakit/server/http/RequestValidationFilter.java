package io.hakit.server.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Validates every request to an operation of either document against that document itself
 * (swagger-request-validator): the HA API's by the HA document, the control API's by openapi/emulator.yaml.
 * Parameters, the body's encoding (UTF-8), JSON syntax and schema (types, required and unknown fields, lengths in
 * code points, ranges, patterns). What fails is a 400 (the Fault, or the control API's Problem), before any rule of
 * the service is looked at; the request then reaches the resource unchanged. Also names the HA operation
 * (x-operations) once the body is known.
 */
@Priority(3000)
public final class RequestValidationFilter implements ContainerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTROL_API_PACKAGE = "io.hakit.server.emulator.api";

    private final CompletableFuture<OpenApiInteractionValidator> haValidator;
    private final CompletableFuture<OpenApiInteractionValidator> controlValidator;
    private final OperationNames operationNames;
    private final ValidationCache cache = new ValidationCache();

    @Context
    private ResourceInfo resourceInfo;

    /**
     * The validators take half a second each to build, so they are built once the server listens
     * (ApiApplication#buildValidators); the first validated request waits for its validator if it must.
     */
    public RequestValidationFilter(CompletableFuture<OpenApiInteractionValidator> haValidator,
            CompletableFuture<OpenApiInteractionValidator> controlValidator, OperationNames operationNames) {
        this.haValidator = haValidator;
        this.controlValidator = controlValidator;
        this.operationNames = operationNames;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String operationId = resourceInfo.getResourceMethod() == null ? null : resourceInfo.getResourceMethod().getName();
        boolean ha = operationId != null && operationNames.knows(operationId);
        if (!ha && !isControlOperation()) {
            return; // the documents themselves, the docs page
        }
        byte[] body = readBody(request);
        if (ha && operationNames.takesNoInput(operationId) && body.length == 0
                && request.getUriInfo().getRequestUri().getRawQuery() == null) {
            // GET /: nothing to validate, so it need not wait for the validator built after start-up
            operationNames.name(operationId, null).ifPresent(name -> request.setProperty(RequestAttributes.OPERATION, name));
            return;
        }
        ValidationCache.Verdict verdict = verdict(request, ha ? haValidator : controlValidator, ha ? operationId : null, body);
        if (verdict.problem() != null) {
            request.abortWith(ErrorBodies.response(Paths.of(request), 400, verdict.problem()));
            return;
        }
        verdict.operation().ifPresent(name -> request.setProperty(RequestAttributes.OPERATION, name));
    }

    /** Whether the matched resource implements an interface generated from the control API's document. */
    private boolean isControlOperation() {
        Class<?> resource = resourceInfo.getResourceClass();
        return resource != null && Arrays.stream(resource.getInterfaces())
                .anyMatch(type -> type.getPackageName().equals(CONTROL_API_PACKAGE));
    }

    /** The validator's verdict on the request, and the HA operation it names; remembered for requests seen before. */
    private ValidationCache.Verdict verdict(ContainerRequestContext request,
            CompletableFuture<OpenApiInteractionValidator> validator, String haOperationId, byte[] body) {
        if (!isUtf8(body)) {
            return ValidationCache.Verdict.refused("The request body is not UTF-8: JSON is sent as UTF-8.");
        }
        Optional<String> key = ValidationCache.key(request.getMethod(), Paths.of(request) + "?"
                + request.getUriInfo().getRequestUri().getRawQuery(), request.getHeaderString("Content-Type"), body);
        ValidationCache.Verdict known = key.map(cache::get).orElse(null);
        if (known != null) {
            return known;
        }
        ValidationReport report = validator.join().validateRequest(toValidatorRequest(request, body));
        ValidationCache.Verdict verdict;
        if (report.hasErrors()) {
            verdict = ValidationCache.Verdict.refused(Optional.ofNullable(haOperationId)
                    .flatMap(operationId -> operationNames.actionProblem(operationId, parseLeniently(body)))
                    .orElseGet(() -> "Invalid request: " + summary(report)));
        } else {
            verdict = new ValidationCache.Verdict(null, haOperationId == null ? Optional.empty()
                    : operationNames.name(haOperationId, parse(body)));
        }
        key.ifPresent(k -> cache.put(k, verdict));
        return verdict;
    }

    private static boolean isUtf8(byte[] body) {
        if (body.length == 0) {
            return true; // most requests: no decoder needed
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
        if (!request.hasEntity()) {
            return new byte[0];
        }
        try {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Request toValidatorRequest(ContainerRequestContext request, byte[] body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethod(), Paths.of(request));
        request.getHeaders().forEach((name, values) -> builder.withHeader(name, values));
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        query.forEach(builder::withQueryParam);
        if (body.length > 0) {
            builder.withBody(new String(body, StandardCharsets.UTF_8));
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

    private static String summary(ValidationReport report) {
        List<String> messages = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(RequestValidationFilter::describe).distinct().limit(5).toList();
        return String.join(" ", messages);
    }

    private static String describe(ValidationReport.Message message) {
        String nested = message.getNestedMessages().stream().map(ValidationReport.Message::getMessage)
                .collect(Collectors.joining("; "));
        return nested.isEmpty() ? message.getMessage() : message.getMessage() + " (" + nested + ")";
    }
}
