package io.hakit.server.http;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Map;
import java.util.Optional;

/**
 * A path parameter of white space only ({@code GET /v1.0/1234/ha/%20}) is a value, which the document allows where its
 * schema does (a haId of 1 to 64 characters). swagger-request-validator trims a parameter before it looks at it and
 * calls such a value missing: the server answered 400 "The path parameter haId is required." to a request the document
 * allows, where a group that is not there is a 404 (a generator such as Schemathesis draws " " for a string of
 * minLength 1, and checks that valid data is not refused). Here the validator's "missing" for a path parameter the
 * path does give is replaced by the value's own verdict against the parameter's schema, by the same validator.
 */
final class BlankPathParameters {

    private static final String MISSING = "validation.request.parameter.missing";

    /** The schemas of path parameters hold no reference: no document model is needed to resolve one. */
    private final SchemaValidator schemas = new SchemaValidator(new OpenAPI().components(new Components()),
            new MessageResolver());

    /**
     * @param given the request's path parameters, decoded, by name
     * @return {@code report} with each "missing" of a given path parameter replaced by its value's verdict
     */
    ValidationReport judged(ValidationReport report, Map<String, String> given) {
        if (report.getMessages().stream().noneMatch(m -> blankPathValue(m, given).isPresent())) {
            return report; // every request but those with a blank path segment
        }
        ValidationReport judged = ValidationReport.empty();
        for (ValidationReport.Message message : report.getMessages()) {
            Optional<Parameter> blank = blankPathValue(message, given);
            judged = judged.merge(blank.isEmpty() ? ValidationReport.singleton(message)
                    : schemas.validate(given.get(blank.get().getName()), blank.get().getSchema(), "request.parameter")
                            .withAdditionalContext(ValidationReport.MessageContext.create()
                                    .withParameter(blank.get()).build()));
        }
        return judged;
    }

    /** The path parameter a "missing" message is about, if the path gives it a value. */
    private static Optional<Parameter> blankPathValue(ValidationReport.Message message, Map<String, String> given) {
        return message.getKey().equals(MISSING)
                ? message.getContext().flatMap(ValidationReport.MessageContext::getParameter)
                        .filter(p -> "path".equals(p.getIn()) && given.get(p.getName()) != null
                                && !given.get(p.getName()).isEmpty())
                : Optional.empty();
    }
}
