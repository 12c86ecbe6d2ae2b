package io.hakit.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * swagger-request-validator set up to judge exchanges by the HA document, in one place for the server and every
 * test suite. What the document says beyond OpenAPI 3.0 is read from it: a response with
 * {@code x-body-required: false} may come without a body (the action endpoint's 202).
 */
public final class ContractValidators {

    /** Where the control API's document lives on the classpath. */
    public static final String CONTROL_LOCATION = "openapi/emulator.yaml";

    private ContractValidators() {}

    /** Judges as the document says: response objects are open, so fields it does not name are allowed. */
    public static OpenApiInteractionValidator asDocumented() {
        return builder().withLevelResolver(LevelResolver.create()
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.accept", ValidationReport.Level.IGNORE)
                .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                .build()).build();
    }

    /**
     * Judges the reference server, which sends exactly the documented fields: a field the document does not name
     * is an error too.
     */
    public static OpenApiInteractionValidator strict() {
        return builder().withLevelResolver(LevelResolver.create()
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.accept", ValidationReport.Level.IGNORE)
                .build()).build();
    }

    /**
     * Judges requests to the reference server's control API by its own document (openapi/emulator.yaml), bounds
     * included.
     */
    public static OpenApiInteractionValidator control() {
        return OpenApiInteractionValidator.createForInlineApiSpecification(classpathText(CONTROL_LOCATION))
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.accept", ValidationReport.Level.IGNORE).build())
                .build();
    }

    /**
     * Judges one answer (not the request that caused it: tests send invalid requests on purpose).
     *
     * @param path the request path as sent
     */
    public static ValidationReport validateResponse(OpenApiInteractionValidator validator, String method, String path,
            int status, java.util.Map<String, java.util.List<String>> headers, String body) {
        com.atlassian.oai.validator.model.SimpleResponse.Builder response =
                com.atlassian.oai.validator.model.SimpleResponse.Builder.status(status);
        headers.forEach(response::withHeader);
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        return validator.validateResponse(path, com.atlassian.oai.validator.model.Request.Method.valueOf(method),
                response.build());
    }

    /** The bundled document's text, from the classpath: its JSON rendition, which the validator parses faster. */
    public static String documentText() {
        return classpathText(HaContract.JSON_CLASSPATH_LOCATION);
    }

    /** A document's text from the classpath of every module that depends on this one. */
    public static String classpathText(String location) {
        try (InputStream in = ContractValidators.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException(location + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenApiInteractionValidator.Builder builder() {
        return OpenApiInteractionValidator.createForInlineApiSpecification(documentText())
                // allOf members are merged before validation, so that a member's own fields count as known
                .withResolveCombinators(true)
                .withWhitelist(ValidationErrorsWhitelist.create().withRule("x-body-required: false",
                        WhitelistRules.messageHasKey("validation.response.body.missing")
                                .and(ContractValidators::bodyIsOptional)));
    }

    private static boolean bodyIsOptional(ValidationReport.Message message, ApiOperation operation,
            com.atlassian.oai.validator.model.Request request, Response response) {
        if (operation == null || response == null || operation.getOperation().getResponses() == null) {
            return false;
        }
        ApiResponse documented = operation.getOperation().getResponses().get(String.valueOf(response.getStatus()));
        return documented != null && documented.getExtensions() != null
                && Boolean.FALSE.equals(documented.getExtensions().get("x-body-required"));
    }
}
