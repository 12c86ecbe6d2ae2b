package io.hakit.contract.api;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.contract.AnswerChecks;
import io.hakit.contract.AnswerLimit;
import io.hakit.contract.Conformance;
import io.hakit.contract.Exchange;
import io.hakit.contract.GateConfig;
import io.hakit.contract.Pause;
import io.hakit.contract.RetryAfter;
import io.hakit.contract.Secrets;
import io.hakit.openapi.ContractValidators;
import io.hakit.openapi.HaContract;
import io.restassured.config.DecoderConfig;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The HA API over plain HTTP (REST Assured). Every answer is judged against the document check by check (no
 * server error, a documented status, content type, headers and body), each result charged to the operation it
 * answered; an answer outside the document fails the scenario that caused it, whatever it expected.
 */
public final class RestHaApi implements HaApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    // A redirect is an answer to judge (the document has none), not one to follow: REST Assured follows them by
    // default, and sent the token to whatever origin a Location named. And no content coding is asked for (REST
    // Assured asks for gzip and deflate by default): it decodes after the gate's AnswerLimit has counted the coded
    // bytes, so 16 MiB of gzip could be gigabytes read; the document's answers have no coding.
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
            .redirect(RedirectConfig.redirectConfig().followRedirects(false))
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    private final GateConfig config;
    private final String accountId;
    private final String token;
    private final OpenApiInteractionValidator validator;
    private final AnswerChecks checks;
    private final HaContract contract;
    private final OperationNamer namer;
    private final Conformance conformance;
    private final Pause pause;

    /** Waiting on the wall clock when an answer asks for its request again later. */
    public RestHaApi(GateConfig config, OpenApiInteractionValidator validator, HaContract contract, Conformance conformance) {
        this(config, validator, contract, conformance, Pause.sleeping(System.out));
    }

    public RestHaApi(GateConfig config, OpenApiInteractionValidator validator, HaContract contract, Conformance conformance,
            Pause pause) {
        this(config, config.accountId(), config.token(), validator, contract, conformance, pause);
    }

    private RestHaApi(GateConfig config, String accountId, String token, OpenApiInteractionValidator validator,
            HaContract contract, Conformance conformance, Pause pause) {
        this.config = config;
        this.accountId = accountId;
        this.token = token;
        this.validator = validator;
        this.checks = new AnswerChecks(validator);
        this.contract = contract;
        this.namer = new OperationNamer(contract);
        this.conformance = conformance;
        this.pause = pause;
    }

    /** Judges answers as the document says (open response objects); the kit's own suites use the strict one. */
    public static OpenApiInteractionValidator documentValidator() {
        return ContractValidators.asDocumented();
    }

    @Override
    public boolean sendsAnyJson() {
        return true;
    }

    @Override
    public HaApi as(String otherAccount, String otherToken) {
        return new RestHaApi(config, otherAccount, otherToken, validator, contract, conformance, pause);
    }

    private String path(String suffix) {
        return "/" + GateConfig.VERSION + "/" + accountId + suffix;
    }

    /**
     * Sends the request and judges its answer; an answer that asks for the request again later (a rate limit's 413,
     * a 503, with Retry-After) is judged too, then the request is sent again once the wait it asked for is over, as
     * long as the run's waits stay within --retryAfterSeconds (a bound for the run, so that an implementation that
     * always asks cannot stretch it by a wait per request; the time each such answer took counts too, so that a slow
     * answer asking for no wait cannot either). The last answer is the request's.
     */
    private Answer send(String method, String path, JsonNode body) {
        Map<String, String> sentHeaders = new LinkedHashMap<>();
        sentHeaders.put("Accept", "application/json");
        if (token != null) {
            sentHeaders.put("X-Auth-Token", Secrets.mask(config, token));
        }
        if (body != null) {
            sentHeaders.put("Content-Type", "application/json");
        }
        String rawPath = path.replaceFirst("\\?.*$", "");
        String operation = namer.name(method, rawPath, body);
        String sentBody = body == null ? null : body.toString();
        while (true) {
            long sent = System.nanoTime();
            Response response = answerTo(method, path, sentBody, operation, sentHeaders);
            Duration took = Duration.ofNanos(System.nanoTime() - sent);
            byte[] bytes = response.asByteArray();
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            response.getHeaders().forEach(h -> answerHeaders.merge(h.getName(), h.getValue(), (a, b) -> a + ", " + b));
            Exchange exchange = new Exchange(operation, method, config.baseUrl() + path, sentHeaders, sentBody,
                    response.statusCode(), answerHeaders, text);
            conformance.sent(exchange);
            String retryAfter = response.header("Retry-After");
            Optional<Duration> asked = RetryAfter.askedBy(response.statusCode(), retryAfter, Instant.now());
            boolean waits = asked.isPresent() && conformance.mayWait(took, asked.get(), config.retryAfterBound());
            asked.ifPresent(wait -> conformance.asked(new Conformance.Wait(operation, exchange, took, wait, waits,
                    waits ? null : Conformance.pastTheRunsBound(config.retryAfterBound()))));
            judge(operation, method, rawPath, response, text, bytes, exchange, waits);
            if (!waits) {
                return new Answer(operation, method + " " + path, response.statusCode(), parse(text), retryAfter,
                        conformance, exchange);
            }
            pause.pause(asked.get(), method + " " + path + " answered " + response.statusCode() + " with Retry-After: "
                    + retryAfter + " (" + conformance.waitedInAll().toSeconds() + " s of the " + config.retryAfterBound()
                    .toSeconds() + " s the run may wait)");
        }
    }

    /** One answer to the request, its body read within --requestTimeoutSeconds; a hang or a cut answer fails it. */
    private Response answerTo(String method, String path, String sentBody, String operation, Map<String, String> sentHeaders) {
        RequestSpecification request = given().config(requestConfig()).baseUri(config.baseUrl().toString())
                .urlEncodingEnabled(false).header("Accept", "application/json");
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (sentBody != null) {
            request.contentType("application/json").body(sentBody);
        }
        try {
            return io.hakit.contract.Deadlines.call(() -> {
                Response whole = request.request(method, path);
                whole.asByteArray(); // the body too is read within the bound
                return whole;
            }, config.requestTimeout());
        } catch (Exception e) { // a timeout, a refused or reset connection (REST Assured throws them unchecked)
            Exchange failed = new Exchange(operation, method, config.baseUrl() + path, sentHeaders, sentBody, 0, Map.of(),
                    e.toString());
            conformance.sent(failed);
            boolean timedOut = e instanceof java.util.concurrent.TimeoutException || e instanceof java.net.SocketTimeoutException
                    || e.getCause() instanceof java.net.SocketTimeoutException;
            boolean tooLarge = AnswerLimit.passedBy(e);
            String what = method + " " + path + (timedOut ? " got no answer within " + config.requestTimeout().toSeconds()
                    + " s: " + e : tooLarge ? ": " + new AnswerLimit.TooLarge().getMessage() : " got no whole answer (the"
                    + " connection was refused, reset or closed before the end of the answer): " + e);
            conformance.violated(operation, timedOut ? "answered_in_time" : tooLarge ? "answer_size" : "answer_complete", what,
                    failed);
            throw new ContractViolation(what);
        }
    }

    /** Request timeouts from the gate's inputs: a hung implementation fails one request, not the whole run. */
    private RestAssuredConfig requestConfig() {
        int millis = (int) config.requestTimeout().toMillis();
        return CONFIG.httpClient(HttpClientConfig.httpClientConfig().httpClientFactory(RestHaApi::boundedClient)
                .setParam("http.connection.timeout", millis)
                .setParam("http.socket.timeout", millis).setParam("http.connection-manager.timeout", (long) millis));
    }

    /** REST Assured's own client (Apache's), reading each answer through {@link AnswerLimit}. */
    @SuppressWarnings("deprecation") // the client REST Assured itself makes: its factory must give an AbstractHttpClient
    private static org.apache.http.client.HttpClient boundedClient() {
        org.apache.http.impl.client.DefaultHttpClient client = new org.apache.http.impl.client.DefaultHttpClient();
        client.addResponseInterceptor(AnswerLimit.apache());
        return client;
    }

    /**
     * Every answer against the document, check by check; an answer that says the implementation has no such
     * operation (501, or 405 or a bare 404 on a documented method and path) marks the operation unimplemented.
     */
    private void judge(String operation, String method, String rawPath, Response response, String text, byte[] bytes,
            Exchange exchange, boolean waitedFor) {
        int status = response.statusCode();
        if (Unimplemented.says(status, text) && contract.httpOperation(method, rawPath).isPresent()) {
            if (conformance.unimplemented(operation, exchange)) {
                throw new ContractViolation(method + " " + rawPath + " answered 404 without the itemNotFound Fault: "
                        + exchange.answerSummary());
            }
            throw new ContractViolation(method + " " + rawPath + " is not implemented: it answered " + exchange.answerSummary());
        }
        if (status >= 200 && status < 300) {
            conformance.implemented(operation);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaders().forEach(h -> headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue()));
        Map<String, List<String>> errorsByCheck = checks.problems(method, rawPath, status, headers, bytes);
        // A 503 that asks for its request again later, which the gate sends: it is judged a server error or not on
        // what it answers then, not on this answer (whose other checks still count).
        boolean errorAwaited = waitedFor && status >= 500;
        if (errorAwaited) {
            errorsByCheck.remove("not_a_server_error");
        }
        for (String check : AnswerChecks.CHECKS) {
            if (!errorsByCheck.containsKey(check) && !(errorAwaited && check.equals("not_a_server_error"))) {
                conformance.passed(operation, check);
            }
        }
        if (!errorsByCheck.isEmpty()) {
            errorsByCheck.forEach((check, messages) -> conformance.violated(operation, check, method + " " + rawPath
                    + " answered " + status + ": " + messages.stream().distinct().limit(3).collect(Collectors.joining("; ")),
                    exchange));
            throw new ContractViolation(method + " " + rawPath + " answered " + status + " outside the document: "
                    + errorsByCheck);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return Answer.empty();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    @Override
    public Answer createGroup(JsonNode body) {
        return send("POST", path("/ha"), body);
    }

    @Override
    public Answer listGroups() {
        return send("GET", path("/ha"), null);
    }

    @Override
    public Answer listGroups(String marker) {
        return send("GET", path("/ha?marker=" + marker), null);
    }

    @Override
    public Answer showGroup(String haId) {
        return send("GET", path("/ha/" + haId), null);
    }

    @Override
    public Answer deleteGroup(String haId) {
        return send("DELETE", path("/ha/" + haId), null);
    }

    @Override
    public Answer updateGroup(String haId, JsonNode body) {
        return send("PATCH", path("/ha/" + haId), body);
    }

    @Override
    public Answer addAcl(String haId, JsonNode body) {
        return send("POST", path("/ha/" + haId + "/acls"), body);
    }

    @Override
    public Answer listAcls(String haId) {
        return send("GET", path("/ha/" + haId + "/acls"), null);
    }

    @Override
    public Answer deleteAcl(String haId, String encodedAddress) {
        return send("DELETE", path("/ha/" + haId + "/acls/" + encodedAddress), null);
    }

    @Override
    public Answer act(String haId, JsonNode body) {
        return send("POST", path("/ha/" + haId + "/action"), body);
    }

    @Override
    public Answer createBackup(JsonNode body) {
        return send("POST", path("/backups"), body);
    }

    @Override
    public Answer showBackup(String backupId) {
        return send("GET", path("/backups/" + backupId), null);
    }

    @Override
    public Answer listBackups() {
        return send("GET", path("/backups"), null);
    }

    @Override
    public Answer listBackups(String marker) {
        return send("GET", path("/backups?marker=" + marker), null);
    }

    @Override
    public Answer listGroupBackups(String haId) {
        return send("GET", path("/ha/" + haId + "/backups"), null);
    }

    @Override
    public Answer deleteBackup(String backupId) {
        return send("DELETE", path("/backups/" + backupId), null);
    }

    @Override
    public Answer convertToHa(String instanceId, JsonNode body) {
        return send("POST", path("/instances/" + instanceId + "/action"), body);
    }

    @Override
    public Answer listConfigurations() {
        return send("GET", path("/configurations"), null);
    }

    @Override
    public Answer follow(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }
}
