package io.hakit.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.openapi.HaContract.DocumentedExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Sends a documented request verbatim (method, raw path, headers, body) and judges the answer by the replay rule:
 * the documented status, the documented body contained in the answer ({@link Containment}), and an answer the
 * document describes. The replays of the reference server and of the contract tests share it.
 */
public final class DocumentedReplay {

    /** Headers the HTTP client sets itself; Host names the target, not the request. */
    private static final java.util.Set<String> TRANSPORT_HEADERS = java.util.Set.of("host", "content-length", "connection");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI target;
    private final OpenApiInteractionValidator validator;

    public DocumentedReplay(URI target, OpenApiInteractionValidator validator) {
        this.target = target;
        this.validator = validator;
    }

    /** What the answer was, and everything wrong with it (empty when it conforms). */
    public record Outcome(int status, String body, List<String> problems) {}

    public Outcome replay(DocumentedExchange exchange, Map<String, String> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.toString().replaceAll("/$", "") + exchange.path()))
                .timeout(Duration.ofSeconds(30))
                .method(exchange.method(), exchange.requestBody()
                        .map(body -> HttpRequest.BodyPublishers.ofString(body.toString()))
                        .orElse(HttpRequest.BodyPublishers.noBody()));
        exchange.headers().forEach((name, value) -> {
            if (!TRANSPORT_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                request.header(name, value);
            }
        });
        extraHeaders.forEach(request::header);
        HttpResponse<String> response = send(request.build());
        return new Outcome(response.statusCode(), response.body(), problems(exchange, response));
    }

    private List<String> problems(DocumentedExchange exchange, HttpResponse<String> response) {
        List<String> problems = new ArrayList<>();
        if (response.statusCode() != exchange.status()) {
            problems.add("status " + response.statusCode() + ", documented " + exchange.status() + ": " + response.body());
        }
        exchange.responseBody().ifPresent(documented -> problems.addAll(
                Containment.differences(documented, parse(response.body()), new HashSet<>(exchange.notCompared()))));
        ValidationReport report = ContractValidators.validateResponse(validator, exchange.method(), exchange.path(),
                response.statusCode(), response.headers().map(), response.body());
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> problems.add("outside the document: " + m.getMessage()));
        return problems;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
