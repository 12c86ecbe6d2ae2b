package io.hakit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.hakit.openapi.generate.GeneratedRequest;
import io.hakit.openapi.generate.RequestGenerator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The request generator judged by the document's own validator (the one the reference server runs): every request
 * it calls valid passes it, every request it calls invalid fails it, and a seed repeats a run exactly.
 */
class RequestGeneratorTest {

    private static final HaContract CONTRACT = HaContract.load(KitPaths.BUNDLE);
    private static final OpenApiInteractionValidator VALIDATOR = ContractValidators.strict();
    private static final int REQUESTS = 3_000;

    @Test
    void aSeedRepeatsTheSameRequestsAndAnotherSeedDoesNot() {
        assertThat(new RequestGenerator(CONTRACT, 42, (op, name) -> null).next(300))
                .isEqualTo(new RequestGenerator(CONTRACT, 42, (op, name) -> null).next(300))
                .isNotEqualTo(new RequestGenerator(CONTRACT, 43, (op, name) -> null).next(300));
    }

    @Test
    void validRequestsPassTheDocumentAndEachInvalidOneBreaksIt() {
        RequestGenerator generator = new RequestGenerator(CONTRACT, 7,
                (op, name) -> name.equals("accountId") ? "1234" : name.equals("version") ? "v1.0" : null);
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> constraints = new TreeMap<>();
        int valid = 0;
        for (GeneratedRequest request : generator.next(REQUESTS)) {
            if (request.credential() != GeneratedRequest.Credential.OWN
                    || request.constraint().filter(c -> c.equals("media-type-missing")).isPresent()) {
                continue; // the validator leaves tokens, and bodies without a Content-Type, to the server
            }
            ValidationReport report = VALIDATOR.validateRequest(toValidatorRequest(request));
            List<String> errors = report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> m.getKey() + ": " + m.getMessage()).toList();
            if (request.valid()) {
                valid++;
                if (!errors.isEmpty()) {
                    wrong.add("valid, yet refused: " + describe(request) + " " + errors);
                }
            } else {
                constraints.merge(request.constraint().orElseThrow().replaceAll("^(body|path|query):\\S* ", "$1 "), 1, Integer::sum);
                if (errors.isEmpty()) {
                    wrong.add("invalid (" + request.constraint().orElseThrow() + "), yet accepted: " + describe(request));
                }
            }
        }
        System.out.printf("generator: %d requests, %d valid, invalid by constraint %s%n", REQUESTS, valid, constraints);
        assertThat(wrong).as("%d of %d", wrong.size(), REQUESTS).isEmpty();
        assertThat(valid).as("valid requests among them").isGreaterThan(REQUESTS / 5);
        assertThat(constraints.keySet()).as("kinds of breaks").contains("body required", "body additionalProperties",
                "body type", "body maxLength", "body minProperties", "body maxProperties", "media-type", "json-syntax",
                "query maximum", "query minimum");
        Set<String> operations = generator.next(REQUESTS).stream().map(GeneratedRequest::operationId)
                .collect(Collectors.toSet());
        assertThat(operations).hasSize((int) CONTRACT.httpOperations().stream()
                .filter(op -> !op.pathTemplate().equals("/") && !op.pathTemplate().equals("/{version}")).count());
    }

    private static com.atlassian.oai.validator.model.Request toValidatorRequest(GeneratedRequest request) {
        String[] parts = request.path().split("\\?", 2);
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), parts[0]);
        request.contentType().ifPresent(type -> builder.withContentType(type));
        request.body().ifPresent(builder::withBody);
        if (parts.length > 1) {
            for (String pair : parts[1].split("&")) {
                String[] nameValue = pair.split("=", 2);
                builder.withQueryParam(nameValue[0], URLDecoder.decode(nameValue.length > 1 ? nameValue[1] : "",
                        StandardCharsets.UTF_8));
            }
        }
        return builder.build();
    }

    private static String describe(GeneratedRequest request) {
        return request.method() + " " + request.path() + " " + request.contentType().orElse("-") + " "
                + request.body().map(b -> b.length() > 300 ? b.substring(0, 300) + "..." : b).orElse("");
    }
}
