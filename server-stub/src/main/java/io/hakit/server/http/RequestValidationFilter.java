package io.hakit.server.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Validates every API request against the document itself (swagger-request-validator): parameters, the body's JSON
 * syntax and schema (types, required and unknown fields, lengths in code points, ranges, patterns). What fails is a
 * 400 badRequest, before any rule of the service is looked at; the request then reaches the resource unchanged.
 * Also names the operation (x-operations) once the body is known.
 */
@Priority(3000)
public final class RequestValidationFilter implements ContainerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CompletableFuture<OpenApiInteractionValidator> validator;
    private final OperationNames operationNames;
    private final ValidationCache cache = new ValidationCache();

    @Context
    private ResourceInfo resourceInfo;

    /**
     * The validator (see {@link ContractValidators#strict()}) takes half a second to build, so it is built beside
     * the server's own start-up; the first validated request waits for it if it must.
     */
    public RequestValidationFilter(CompletableFuture<OpenApiInteractionValidator> validator, OperationNames operationNames) {
        this.validator = validator;
        this.operationNames = operationNames;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String operationId = resourceInfo.getResourceMethod() == null ? null : resourceInfo.getResourceMethod().getName();
        if (operationId == null || !operationNames.knows(operationId)) {
            return; // control API, documents, docs page
        }
        byte[] body = readBody(request);
        String problem = problem(request, operationId, body);
        if (problem != null) {
            request.abortWith(Faults.response(400, problem));
            return;
        }
        JsonNode json = parse(body);
        operationNames.name(operationId, json).ifPresent(name -> request.setProperty(RequestAttributes.OPERATION, name));
    }

    /** The validator's objection to the request, or null; remembered for requests seen before. */
    private String problem(ContainerRequestContext request, String operationId, byte[] body) {
        Optional<String> key = ValidationCache.key(request.getMethod(), Paths.of(request) + "?"
                + request.getUriInfo().getRequestUri().getRawQuery(), request.getHeaderString("Content-Type"), body);
        ValidationCache.Verdict known = key.map(cache::get).orElse(null);
        if (known != null) {
            return known.problem();
        }
        ValidationReport report = validator.join().validateRequest(toValidatorRequest(request, body));
        String problem = !report.hasErrors() ? null : operationNames.actionProblem(operationId, parseLeniently(body))
                .orElseGet(() -> "Invalid request: " + summary(report));
        key.ifPresent(k -> cache.put(k, new ValidationCache.Verdict(problem)));
        return problem;
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
