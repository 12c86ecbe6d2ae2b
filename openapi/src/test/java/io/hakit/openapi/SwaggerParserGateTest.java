package io.hakit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Gate 1: swagger-parser, which every Java generator and validator builds on, reads the bundle without a word. */
class SwaggerParserGateTest {

    static SwaggerParseResult parse(Path document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIParser().readLocation(document.toUri().toString(), null, options);
    }

    @Test
    void theBundleParsesWithZeroMessages() {
        SwaggerParseResult result = parse(KitPaths.BUNDLE);
        assertThat(result.getMessages()).isEmpty();
        long paths = HaContract.load(KitPaths.BUNDLE).httpOperations().stream()
                .map(HaContract.HttpOperation::pathTemplate).distinct().count();
        assertThat(result.getOpenAPI().getPaths()).hasSize((int) paths); // every path read, none lost
    }

    @Test
    void aDanglingReferenceIsReported() {
        SwaggerParseResult result = parse(BrokenDocuments.danglingReference());
        assertThat(result.getMessages()).anySatisfy(m -> assertThat(m).contains("Volume"));
    }

    @Test
    void anOperationWithoutResponsesIsReported() {
        Path broken = BrokenDocuments.write("no-responses",
                d -> BrokenDocuments.at(d, BrokenDocuments.SHOW_HA).remove("responses"));
        assertThat(parse(broken).getMessages()).anySatisfy(m -> assertThat(m).contains("responses"));
    }
}
