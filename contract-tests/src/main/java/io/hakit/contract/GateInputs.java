package io.hakit.contract;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether the target takes what the gate's caller gave it, before anything is judged: a token it refuses, or an id
 * of a thing it does not hold (a replication setup a previous run converted and deleted), is the caller's to fix.
 * Judged as the implementation's fault, such a run read "the implementation violates the contract" (exit 1). The
 * gate cannot tell a wrong token from an implementation that refuses a right one; it says which token it was.
 * Each request is bounded whole ({@link Deadlines}): one that stalls mid-answer is an IOException, not a hang.
 */
final class GateInputs {

    private final GateConfig config;
    private final HttpClient http;

    GateInputs(GateConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.requestTimeout())
                .build();
    }

    /** Why the gate cannot run with these inputs, or empty. */
    Optional<String> refused() throws IOException, InterruptedException {
        Optional<String> token = tokenRefused(config.accountId(), config.token(), "--token");
        if (token.isPresent()) {
            return token;
        }
        if (config.otherAccountId().isPresent() && config.otherToken().isPresent()) {
            token = tokenRefused(config.otherAccountId().get(), config.otherToken().get(), "--otherToken");
            if (token.isPresent()) {
                return token;
            }
        }
        if (config.replicationInstanceId().isPresent()) {
            String id = config.replicationInstanceId().get();
            if (status("/instances/" + segment(id)) == 404) {
                return Optional.of("--replicationInstanceId=" + id + ": the target has no such instance in account "
                        + config.accountId() + ". A run converts it into an HA group and deletes that group: give a "
                        + "new replication setup to each run.");
            }
        }
        if (config.configurationId().isPresent()) {
            String id = config.configurationId().get();
            if (status("/configurations/" + segment(id)) == 404) {
                return Optional.of("--configurationId=" + id + ": the target has no such configuration group in account "
                        + config.accountId() + ".");
            }
        }
        return Optional.empty();
    }

    private Optional<String> tokenRefused(String accountId, String token, String option) throws IOException,
            InterruptedException {
        URI uri = URI.create(config.baseUrl() + "/" + GateConfig.VERSION + "/" + segment(accountId) + "/ha?limit=1");
        HttpResponse<String> answer = Deadlines.send(http, HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header("X-Auth-Token", token).header("Accept", "application/json").GET().build(),
                AnswerLimit.string(), config.requestTimeout());
        String type = answer.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("text/html")) {
            // A web page where the HA API's list of groups was due: a wrong --baseUrl (another service, a proxy's
            // error page), not an implementation to judge. Judged, it read "the implementation violates the
            // contract" (exit 1), 3 operations unimplemented, 18 not exercised.
            String page = answer.body().replaceAll("\\s+", " ").strip();
            return Optional.of("--baseUrl=" + config.baseUrl() + ": GET " + uri + " answered " + answer.statusCode()
                    + " with a web page (" + type + ": " + (page.length() > 120 ? page.substring(0, 120) + "..." : page)
                    + "), not the HA API's JSON: is --baseUrl the root of the HA API (the gate adds /"
                    + GateConfig.VERSION + "/{accountId}/...)?");
        }
        int status = answer.statusCode();
        return switch (status) {
            case 401 -> Optional.of(option + ": the target refused the token (401) for account " + accountId
                    + "; the gate cannot judge an implementation that lets it in nowhere.");
            case 403 -> Optional.of(option + ": the target answered 403 for account " + accountId
                    + " with this token: is it another account's?");
            default -> Optional.empty();
        };
    }

    private int status(String suffix) throws IOException, InterruptedException {
        return send(config.accountId(), config.token(), suffix);
    }

    private int send(String accountId, String token, String suffix) throws IOException, InterruptedException {
        URI uri = URI.create(config.baseUrl() + "/" + GateConfig.VERSION + "/" + segment(accountId) + suffix);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header("X-Auth-Token", token).header("Accept", "application/json").GET().build();
        return Deadlines.send(http, request, HttpResponse.BodyHandlers.discarding(), config.requestTimeout()).statusCode();
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
