package io.hakit.server;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import io.hakit.openapi.ContractValidators;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Fails the test on any answer the document does not describe; the request itself may be wrong on purpose. */
final class ResponseValidationFilter implements Filter {

    /** The document has nothing to say of the answer to a path or method it does not have (Refusals checks those). */
    private static final java.util.Set<String> UNDOCUMENTED_REQUEST = java.util.Set.of(
            "validation.request.path.missing", "validation.request.operation.notAllowed");

    private final OpenApiInteractionValidator validator;
    private final java.util.function.Predicate<String> judges;

    /** Judges the answers to every request. */
    ResponseValidationFilter(OpenApiInteractionValidator validator) {
        this(validator, path -> true);
    }

    /** Judges the answers to requests whose raw path the predicate takes (the control API's, for one). */
    ResponseValidationFilter(OpenApiInteractionValidator validator, java.util.function.Predicate<String> judges) {
        this.validator = validator;
        this.judges = judges;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        if (!judges.test(URI.create(request.getURI()).getRawPath())) {
            return response;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaders().forEach(h -> headers.computeIfAbsent(h.getName(), k -> new java.util.ArrayList<>()).add(h.getValue()));
        ValidationReport report = ContractValidators.validateResponse(validator, request.getMethod(),
                URI.create(request.getURI()).getRawPath(), response.statusCode(), headers, response.asString());
        boolean judged = report.getMessages().stream().noneMatch(m -> UNDOCUMENTED_REQUEST.contains(m.getKey()));
        if (judged && report.hasErrors()) {
            throw new AssertionError(request.getMethod() + " " + request.getURI() + " answered " + response.statusCode()
                    + " outside the document: " + report.getMessages().stream()
                            .map(ValidationReport.Message::getMessage).collect(Collectors.joining("; "))
                    + "\n" + response.asString());
        }
        return response;
    }
}
