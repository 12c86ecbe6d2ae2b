package io.hakit.openapi.start;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.openapi.ContractValidators;
import io.hakit.openapi.start.GettingStarted.Step;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends the getting-started steps in order to one server, carrying the captured ids from step to step, and judges
 * each answer: its status, the values it must hold, and an answer the document describes. A step with {@code until}
 * is sent again, at most {@code attempts} times, until its answer has its status and values: at once against the
 * reference server with immediate transitions, or after a pause that doubles from {@code firstPause} (at most 30 s)
 * against a service whose transitions take minutes.
 */
public final class GettingStartedRun {

    /** One step's last answer and what is wrong with it (nothing when it passed). */
    public record StepOutcome(Step step, String path, int status, String body, int attempts, List<String> problems) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI target;
    private final OpenApiInteractionValidator validator;
    private final int attempts;
    private final Duration firstPause;

    public GettingStartedRun(URI target, OpenApiInteractionValidator validator, int attempts, Duration firstPause) {
        this.target = target;
        this.validator = validator;
        this.attempts = attempts;
        this.firstPause = firstPause;
    }

    /** Runs the steps until the first that fails (the later ones depend on it); returns every outcome. */
    public List<StepOutcome> run(GettingStarted sequence) {
        Map<String, String> captured = new HashMap<>();
        List<StepOutcome> outcomes = new ArrayList<>();
        for (Step step : sequence.steps()) {
            StepOutcome outcome = runStep(step, sequence.headers(), captured);
            outcomes.add(outcome);
            if (!outcome.problems().isEmpty()) {
                break;
            }
            JsonNode answer = parse(outcome.body());
            step.capture().forEach((name, pointer) -> captured.put(name, answer.at(pointer).asText()));
        }
        return outcomes;
    }

    private StepOutcome runStep(Step step, Map<String, String> headers, Map<String, String> captured) {
        String path = substitute(step.path(), captured);
        String body = step.body().map(b -> substitute(b.toString(), captured)).orElse(null);
        int tries = step.until().isPresent() ? attempts : 1;
        HttpResponse<String> response = null;
        for (int attempt = 1; attempt <= tries; attempt++) {
            response = send(step.method(), path, headers, body);
            if (step.until().isEmpty() || (response.statusCode() == step.status()
                    && mismatches(step.until().get(), parse(response.body()), captured).isEmpty())) {
                return new StepOutcome(step, path, response.statusCode(), response.body(), attempt,
                        problems(step, path, response, captured));
            }
            backOff(attempt);
        }
        List<String> problems = new ArrayList<>(List.of("not reached in " + tries + " attempts: status " + step.status()
                + " with " + step.until().orElseThrow()));
        problems.addAll(problems(step, path, response, captured));
        return new StepOutcome(step, path, response.statusCode(), response.body(), tries, problems);
    }

    private List<String> problems(Step step, String path, HttpResponse<String> response, Map<String, String> captured) {
        List<String> problems = new ArrayList<>();
        if (response.statusCode() != step.status()) {
            problems.add("status " + response.statusCode() + ", expected " + step.status() + ": " + response.body());
        }
        problems.addAll(mismatches(step.expect(), parse(response.body()), captured));
        ValidationReport report = ContractValidators.validateResponse(validator, step.method(), path,
                response.statusCode(), response.headers().map(), response.body());
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> problems.add("outside the document: " + m.getMessage()));
        return problems;
    }

    private static List<String> mismatches(Map<String, JsonNode> expected, JsonNode answer, Map<String, String> captured) {
        List<String> mismatches = new ArrayList<>();
        expected.forEach((pointer, value) -> {
            JsonNode wanted = value.isTextual() ? JSON.getNodeFactory().textNode(substitute(value.asText(), captured)) : value;
            JsonNode actual = answer.at(pointer);
            boolean same = wanted.isNumber() && actual.isNumber() ? wanted.decimalValue().compareTo(actual.decimalValue()) == 0
                    : wanted.equals(actual);
            if (!same) {
                mismatches.add(pointer + " is " + (actual.isMissingNode() ? "absent" : actual) + ", expected " + wanted);
            }
        });
        return mismatches;
    }

    private static String substitute(String text, Map<String, String> captured) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = captured.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        return matcher.appendTail(out).toString();
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, value) -> {
            if (body != null || !name.equalsIgnoreCase("Content-Type")) {
                request.header(name, value);
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + target + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void backOff(int attempt) {
        if (firstPause.isZero()) {
            return; // the reference server with immediate transitions: the next request completes them
        }
        try {
            Thread.sleep(Math.min(30_000L, firstPause.toMillis() << Math.min(attempt - 1, 16)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
