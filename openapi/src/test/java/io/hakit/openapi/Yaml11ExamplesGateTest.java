package io.hakit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.hakit.openapi.DocumentExamples.SchemaExample;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.oas.models.media.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gate 5: the bundle read as PyYAML, js-yaml's default schema and SnakeYAML read it (YAML 1.1 resolution of plain
 * scalars). No value may turn into something JSON does not have (an unquoted {@code 2016-03-15T16:36:48} becomes
 * a date), and every example, of a body, a parameter, a header or a schema, validates against its schema as
 * read there. swagger-request-validator judges, with the document's own components, as it does for the server.
 */
class Yaml11ExamplesGateTest {

    /** What a gate found: values that are not JSON, and examples that fail their schema. */
    record Findings(List<Yaml11Reading.NonJsonValue> nonJsonValues, List<String> invalidExamples, int examples) {}

    static Findings check(Path bundle) {
        Yaml11Reading reading = Yaml11Reading.of(bundle);
        SchemaValidator validator = new SchemaValidator(withAllOfMerged(bundle), new MessageResolver());
        List<SchemaExample> examples = DocumentExamples.of(reading.tree());
        List<String> invalid = examples.stream().map(example -> {
            Schema<?> schema = Json.mapper().convertValue(example.schema(), Schema.class);
            ValidationReport report = validator.validate(example::example, schema, "example");
            return report.hasErrors() ? example.where() + ": " + report.getMessages() : null;
        }).filter(java.util.Objects::nonNull).toList();
        return new Findings(reading.nonJsonValues(), invalid, examples.size());
    }

    /** As the server's validator reads the document: allOf members merged, so a member's fields count as known. */
    private static OpenAPI withAllOfMerged(Path bundle) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setResolveCombinators(true);
        return new OpenAPIParser().readLocation(bundle.toUri().toString(), null, options).getOpenAPI();
    }

    @Test
    void everyExampleValidatesWhenReadAsYaml11() {
        Findings findings = check(KitPaths.BUNDLE);
        assertThat(findings.nonJsonValues()).as("values a YAML 1.1 reader does not read as JSON").isEmpty();
        assertThat(findings.invalidExamples()).isEmpty();
        assertThat(findings.examples()).as("examples checked").isGreaterThan(100);
    }

    @Test
    void anUnquotedTimestampIsReadAsADateAndFailsItsSchema() throws Exception {
        Path broken = BrokenDocuments.writeText("unquoted-timestamp", text -> text
                .replace("updated: \"2016-03-14T02:05:31\"", "updated: 2016-03-14T02:05:31"));
        assertThat(Files.readString(broken)).contains("updated: 2016-03-14T02:05:31\n");
        Findings findings = check(broken);
        assertThat(findings.nonJsonValues()).anySatisfy(value -> {
            assertThat(value.pointer()).endsWith("/backup/updated");
            assertThat(value.javaType()).isEqualTo("java.util.Date");
        });
        assertThat(findings.invalidExamples()).anySatisfy(message -> assertThat(message).contains("updated"));
    }

    @Test
    void anExampleThatViolatesItsSchemaFails() {
        Findings findings = check(BrokenDocuments.exampleViolatingItsSchema());
        assertThat(findings.invalidExamples()).anySatisfy(message -> assertThat(message)
                .startsWith("/components/examples/showHaInstanceResponse/value").contains("size"));
    }

    @Test
    void aSchemaExampleThatViolatesItsSchemaFails() {
        Findings findings = check(BrokenDocuments.write("schema-example-violates-schema",
                d -> BrokenDocuments.at(d, "/components/schemas/Timestamp").put("example", "2016-03-15 16:36")));
        assertThat(findings.invalidExamples())
                .anySatisfy(message -> assertThat(message).startsWith("/components/schemas/Timestamp/example"));
    }
}
