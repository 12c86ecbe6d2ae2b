package io.hakit.server.http;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Judges a path parameter's value alone, as the validator judges it inside a request (its {@code SchemaValidator}
 * on the parameter's schema, under the same message keys): the validation cache asks this for an id it has not seen
 * in a request of a shape it has, instead of running the whole validator for one new value
 * ({@link ValidationCache#get(ValidationCache.Question, java.util.function.BiPredicate)}). Only values made of
 * unreserved characters are judged here, which read the same escaped or not; any other value is left to the
 * validator, which decodes it first.
 */
final class PathParameterValues {

    private static final Pattern UNRESERVED = Pattern.compile("[A-Za-z0-9._~-]+");

    private final Map<String, Schema<?>> schemas;
    private final SchemaValidator validator = new SchemaValidator(new OpenAPI(), new MessageResolver());

    /** @param schemas each shared path parameter's one schema ({@link SharedPathParameters}), resolved */
    PathParameterValues(Map<String, JsonNode> schemas) {
        this.schemas = schemas.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                entry -> Json.mapper().convertValue(entry.getValue(), HeldSchema.class)));
    }

    /**
     * A schema that is equal only to itself. The validator looks up each schema's compiled form in a cache keyed by
     * the schema, and swagger's model hashes and compares every one of its fields on each lookup: half the cost of
     * judging a value. Each schema here is made once and held, so identity is its equality.
     */
    static final class HeldSchema extends Schema<Object> {
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Whether the value is known valid for the parameter; false also when it must be left to the validator. */
    boolean accepts(String name, String value) {
        Schema<?> schema = schemas.get(name);
        return schema != null && UNRESERVED.matcher(value).matches()
                && !validator.validate(value, schema, "request.parameter").hasErrors();
    }
}
