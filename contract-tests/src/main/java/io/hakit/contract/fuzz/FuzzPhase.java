package io.hakit.contract.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.contract.AnswerChecks;
import io.hakit.contract.Conformance;
import io.hakit.contract.Exchange;
import io.hakit.contract.Fixture;
import io.hakit.contract.GateConfig;
import io.hakit.contract.RetryAfter;
import io.hakit.contract.Secrets;
import io.hakit.contract.Target;
import io.hakit.openapi.HaContract;
import io.hakit.openapi.generate.GeneratedRequest;
import io.hakit.openapi.generate.RequestGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Negative and generated testing, Schemathesis-style but knowing this API: requests from the kit's one generator
 * (valid ones and ones invalid in exactly one way) sent to the target's own resources, each answer judged by the
 * checks every answer goes through, plus: an invalid request is refused with the status the document gives it
 * (400, 415 for a body not declared JSON; {@link DocumentedRefusal}) and the Fault of its code
 * (negative_data_rejection), a request without a valid token is refused 401 and one with another account's token 403
 * (ignored_auth; every secured operation is sent without a token, with an unknown one and, given a second account,
 * with its token, on every run, not only when drawn), and a refused request leaves the group as it was (state_unchanged, read back). A failure is shrunk to the smallest body that still
 * fails, and reported with the seed and the request's number, which repeat it.
 */
public final class FuzzPhase {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a run sent: the requests without a valid token (two per secured operation, always) and the generated ones
     * (the --fuzz budget); and what it did not send because the --fuzzSeconds budget was spent: of the requests sent
     * on every run ({@code alwaysNotSent}), of the --fuzz generated ones ({@code generatedNotSent}).
     */
    public record Result(int unauthenticated, int generated, Map<String, Integer> byKind, int alwaysNotSent,
            int generatedNotSent) {

        public Result(int unauthenticated, int generated, Map<String, Integer> byKind) {
            this(unauthenticated, generated, byKind, 0, 0);
        }

        public int sent() {
            return unauthenticated + generated;
        }

        /** Whether the --fuzzSeconds budget ran out before every request was sent. */
        public boolean cutShort() {
            return alwaysNotSent > 0 || generatedNotSent > 0;
        }
    }

    private final Target target;
    private final GateConfig config;
    private final HaContract contract;
    private final Conformance conformance;
    private final AnswerChecks checks;
    private final PrintStream progress;
    private final HttpClient http;
    private final Map<Integer, String> faultNames;
    private final Set<String> shrunk = new HashSet<>();
    /** When the --fuzzSeconds budget is spent (System.nanoTime()). */
    private long deadline = Long.MAX_VALUE;

    public FuzzPhase(Target target, AnswerChecks checks, PrintStream progress) {
        this.target = target;
        this.config = target.config();
        this.contract = target.contract();
        this.conformance = target.conformance();
        this.checks = checks;
        this.progress = progress;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.requestTimeout()).build();
        this.faultNames = contract.faultNames();
    }

    /**
     * Sends the requests of the phase within the --fuzzSeconds budget, which covers all of it: the requests sent on
     * every run, the generated ones, the read-backs of state_unchanged and the shrinking of failures. No request is
     * begun once the budget is spent, but the read-back of the request under way (two reads, each bounded by
     * --requestTimeoutSeconds); what was not sent is counted and said.
     */
    public Result run(Fixture fixture) {
        Set<String> operationIds = selectedOperationIds();
        RequestGenerator generator = new RequestGenerator(contract, config.seed(), fixture::value);
        deadline = System.nanoTime() + config.fuzzBudget().toNanos();
        Map<String, Integer> byKind = new TreeMap<>();
        int unauthenticated = 0;
        int alwaysNotSent = 0;
        List<GeneratedRequest> perHttpOperation = generator.unauthenticated();
        List<GeneratedRequest> always = new java.util.ArrayList<>();
        for (GeneratedRequest request : perHttpOperation) { // every operation refuses a missing token, not by chance
            if (operationIds.contains(request.operationId())) {
                always.add(request);
            }
        }
        always.addAll(perNamedOperation(perHttpOperation));
        always.addAll(anotherAccounts(always));
        for (GeneratedRequest request : always) {
            if (spent() || !judge(request, fixture)) {
                alwaysNotSent++;
                // Its refusals unshown, the operation is not exercised: a PASSED here hid a failure the run never
                // reached, and the same seed passed on a slow target and failed on a fast one.
                conformance.behaviourNotShown(operation(request), "negative testing: its refusals sent on every run ("
                        + request.constraint().orElse("") + ", ...) were not all sent within --fuzzSeconds="
                        + config.fuzzBudget().toSeconds());
                continue;
            }
            if (request.credential() != GeneratedRequest.Credential.OWN) {
                unauthenticated++;
            }
            byKind.merge(request.constraint().orElseThrow(), 1, Integer::sum);
        }
        int fuzzed = 0;
        for (int drawn = 0; fuzzed < config.fuzz() && drawn < config.fuzz() * 20; drawn++) {
            if (spent()) {
                break;
            }
            GeneratedRequest request = generator.next();
            if (!operationIds.contains(request.operationId())) {
                continue;
            }
            if (!judge(request, fixture)) {
                break;
            }
            fuzzed++;
            byKind.merge(request.valid() ? "valid" : request.constraint().orElseThrow().replaceAll("^(body|path|query):\\S* ", "$1 "),
                    1, Integer::sum);
            if (fuzzed % 100 == 0) {
                progress.printf("  negative testing: %d of %d requests%n", fuzzed, config.fuzz());
            }
        }
        int generatedNotSent = spent() ? config.fuzz() - fuzzed : 0;
        if (alwaysNotSent > 0 || generatedNotSent > 0) {
            progress.printf("  negative testing: the %d s budget (--fuzzSeconds) was spent: %d of the %d requests sent on"
                    + " every run and %d of the %d generated ones were not sent%n", config.fuzzBudget().toSeconds(),
                    alwaysNotSent, always.size(), generatedNotSent, config.fuzz());
        }
        return new Result(unauthenticated, fuzzed, byKind, alwaysNotSent, generatedNotSent);
    }

    /** Whether the --fuzzSeconds budget is spent: no request is begun after. */
    private boolean spent() {
        return System.nanoTime() - deadline > 0;
    }

    /** Sends and judges one request; false if the budget ran out before it could be sent. */
    private boolean judge(GeneratedRequest request, Fixture fixture) {
        boolean aimsAtFixture = request.path().contains(fixture.groupId());
        Optional<String> before = !request.valid() && aimsAtFixture ? snapshot(fixture::snapshot) : Optional.empty();
        if (spent()) { // the read before took the rest of the budget: the request is not begun
            return false;
        }
        Sent sent = send(request);
        if (sent.exchange().status() == 0) {
            String failure = String.valueOf(sent.exchange().responseBody());
            boolean timedOut = failure.contains("TimeoutException");
            boolean tooLarge = failure.contains(io.hakit.contract.AnswerLimit.TooLarge.class.getName());
            conformance.violated(sent.operation(), timedOut ? "answered_in_time" : tooLarge ? "answer_size" : "answer_complete",
                    "generated request #" + request.number() + (timedOut ? " got no answer within "
                            + config.requestTimeout().toSeconds() + " s" : tooLarge ? ": " + failure
                            : " got no whole answer (refused, reset or closed before its end): " + failure),
                    sent.exchange());
            return true;
        }
        int status = sent.exchange().status();
        if (status >= 200 && status < 300 && request.credential() == GeneratedRequest.Credential.OWN) {
            conformance.implemented(sent.operation());
        }
        List<String> failed = failedChecks(request, sent);
        for (String check : failed) {
            boolean first = shrunk.add(sent.operation() + " " + check); // the first of a kind is shrunk, the others shown as sent
            // Another account's request is shown as sent: shrunk, a restart it did (202) became a body refused 400,
            // and the document does not say whether tenancy is checked before the body.
            Sent smallest = first && request.credential() != GeneratedRequest.Credential.ANOTHER_ACCOUNT
                    ? shrink(request, sent, check) : sent;
            conformance.violated(sent.operation(), check, describe(request, config.seed(), check, smallest.exchange(),
                    faultNames), smallest.exchange());
        }
        registerCreation(request, sent);
        if (before.isPresent()) {
            Optional<String> after = snapshot(fixture::snapshotInAnyState);
            if (after.isPresent() && !after.equals(before)) {
                conformance.violated(sent.operation(), "state_unchanged", stateChanged(request, sent.exchange().status(),
                        difference(before.get(), after.get())), sent.exchange());
            } else {
                conformance.passed(sent.operation(), "state_unchanged");
            }
        }
        return true;
    }

    /**
     * What the draws reach only by chance, sent on every run for every judged named operation that takes a body, on
     * the path of its HTTP operation's request without a token: its documented body without a token and with an
     * unknown one where the HTTP operation carries several named operations (the action, the PATCH: the requests
     * per HTTP operation send only one of their bodies), and, for every one, its documented body cut in half (not
     * JSON) and sent as text/plain (not declared JSON). An implementation that skips the token check for one
     * action, or answers 500 to a broken body of one operation, fails on every run, whatever the seed.
     */
    private List<GeneratedRequest> perNamedOperation(List<GeneratedRequest> perHttpOperation) {
        List<GeneratedRequest> requests = new java.util.ArrayList<>();
        for (GeneratedRequest base : perHttpOperation) {
            if (base.credential() != GeneratedRequest.Credential.NONE) {
                continue;
            }
            List<HaContract.NamedOperation> carried = contract.namedOperations().stream()
                    .filter(op -> op.carrier().operationId().equals(base.operationId()) && !op.supporting())
                    .toList();
            for (HaContract.NamedOperation named : carried) {
                if (!config.judges(named.name())) {
                    continue;
                }
                Optional<String> body = contract.documentedExchanges().stream()
                        .filter(e -> e.operation().equals(named.name()) && e.requestBody().isPresent()).findFirst()
                        .flatMap(HaContract.DocumentedExchange::requestBody).map(JsonNode::toString);
                if (body.isEmpty()) {
                    continue;
                }
                String documented = body.get();
                if (carried.size() > 1) {
                    for (GeneratedRequest.Credential credential : List.of(GeneratedRequest.Credential.NONE,
                            GeneratedRequest.Credential.UNKNOWN)) {
                        requests.add(new GeneratedRequest(base.operationId(), base.method(), base.path(),
                                Optional.of("application/json"), Optional.of(documented), credential,
                                Optional.of("token-" + credential.name().toLowerCase()), base.number()));
                    }
                }
                requests.add(new GeneratedRequest(base.operationId(), base.method(), base.path(),
                        Optional.of("application/json"), Optional.of(documented.substring(0, documented.length() / 2)),
                        GeneratedRequest.Credential.OWN, Optional.of("json-syntax"), base.number()));
                requests.add(new GeneratedRequest(base.operationId(), base.method(), base.path(),
                        Optional.of("text/plain"), Optional.of(documented), GeneratedRequest.Credential.OWN,
                        Optional.of("media-type"), base.number()));
            }
        }
        return requests;
    }

    /**
     * Each request sent without a token to a path that names the account, sent again with the second account's valid
     * token (when the gate has one):
     * the account in the path is not the token's, so every secured operation answers 403, and changes nothing. The
     * scenarios try that on show alone, and the edge probes only on plain HTTP at the host's root: a tenancy check
     * made on reads but not on writes (a restart, a delete with another account's token) passed a gate run over
     * https or with --edge=off.
     */
    private List<GeneratedRequest> anotherAccounts(List<GeneratedRequest> always) {
        if (config.otherToken().isEmpty() || config.otherAccountId().filter(config.accountId()::equals).isPresent()) {
            return List.of();
        }
        Set<String> underAnAccount = new HashSet<>(); // a bookmark path (/flavors/2) names no account: any token opens it
        contract.httpOperations().stream().filter(op -> op.pathTemplate().contains("{accountId}"))
                .forEach(op -> underAnAccount.add(op.operationId()));
        return always.stream().filter(r -> r.credential() == GeneratedRequest.Credential.NONE)
                .filter(r -> underAnAccount.contains(r.operationId()))
                .map(r -> new GeneratedRequest(r.operationId(), r.method(), r.path(), r.contentType(), r.body(),
                        GeneratedRequest.Credential.ANOTHER_ACCOUNT, Optional.of("token-another-account"), r.number()))
                .toList();
    }

    /** What differs between two snapshots, field by field ({@code state ACTIVE -> REBOOT}), not the whole of both. */
    static String difference(String before, String after) {
        try {
            JsonNode was = JSON.readTree(before);
            JsonNode is = JSON.readTree(after);
            if (!was.isObject() || !is.isObject()) {
                return "before " + before + ", after " + after;
            }
            List<String> changes = new java.util.ArrayList<>();
            Set<String> fields = new java.util.LinkedHashSet<>();
            was.fieldNames().forEachRemaining(fields::add);
            is.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                if (!was.path(field).equals(is.path(field))) {
                    changes.add(field + " " + was.path(field) + " -> " + is.path(field));
                }
            }
            return String.join("; ", changes);
        } catch (IOException notJson) {
            return "before " + before + ", after " + after;
        }
    }

    /** The checks a generated request's answer fails; the ones it passes are recorded as passed. */
    private List<String> failedChecks(GeneratedRequest request, Sent sent) {
        Map<String, Boolean> outcome = outcome(request, sent);
        outcome.forEach((check, passed) -> {
            if (passed) {
                conformance.passed(sent.operation(), check);
            }
        });
        return outcome.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
    }

    /** Each check the answer went through, and whether it passed. */
    private Map<String, Boolean> outcome(GeneratedRequest request, Sent sent) {
        Exchange exchange = sent.exchange();
        Map<String, List<String>> problems = checks.problems(request.method(), rawPath(request), exchange.status(),
                sent.headers(), sent.bytes());
        Map<String, Boolean> outcome = new LinkedHashMap<>();
        AnswerChecks.CHECKS.forEach(check -> outcome.put(check, !problems.containsKey(check)));
        int status = exchange.status();
        if (status >= 400) {
            outcome.put("error_body", AnswerChecks.isFaultOf(status, exchange.responseBody(), faultNames));
        }
        // a rate limit's 413 with Retry-After not waited for refuses the request too, whatever was sent (as the README
        // says): it serves nothing, and a limit may be counted before the token is looked at
        boolean limited = status == 413 && DocumentedRefusal.retryAfter(sent.headers());
        if (request.credential() == GeneratedRequest.Credential.ANOTHER_ACCOUNT) {
            outcome.put("ignored_auth", status == 403 || limited);
        } else if (request.credential() != GeneratedRequest.Credential.OWN) {
            outcome.put("ignored_auth", status == 401 || limited);
        } else if (!request.valid()) {
            outcome.put("negative_data_rejection", DocumentedRefusal.refusedAsDocumented(request.constraint().orElseThrow(),
                    sent.operation(), status, sent.headers()));
        }
        return outcome;
    }

    /**
     * The smallest body that still fails the check: members removed, arrays emptied and strings shortened one at a
     * time while the check keeps failing (at most 40 more requests).
     */
    private Sent shrink(GeneratedRequest request, Sent original, String check) {
        Sent smallest = original;
        if (request.body().isEmpty()) {
            return smallest;
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body().get());
        } catch (IOException notJson) {
            return smallest;
        }
        GeneratedRequest current = request;
        int attempts = 0;
        boolean shrunk = true;
        while (shrunk && attempts < 40) {
            shrunk = false;
            for (JsonNode candidate : Shrinks.of(body)) {
                if (++attempts > 40 || spent()) { // the budget covers shrinking too: the smallest so far is shown
                    break;
                }
                GeneratedRequest smaller = current.withBody(candidate.toString());
                Sent tried = send(smaller);
                if (tried.exchange().status() != 0 && Boolean.FALSE.equals(outcome(smaller, tried).get(check))) {
                    body = candidate;
                    current = smaller;
                    smallest = tried;
                    registerCreation(smaller, tried);
                    shrunk = true;
                    break;
                }
                registerCreation(smaller, tried);
            }
        }
        return smallest;
    }

    /** A valid request that created something: the clean-up deletes it at the end. */
    private void registerCreation(GeneratedRequest request, Sent sent) {
        if (sent.exchange().status() != 202 || !request.method().equals("POST")) {
            return;
        }
        try {
            JsonNode answer = JSON.readTree(sent.exchange().responseBody());
            Optional.ofNullable(answer.path("ha_instance").path("id").textValue()).ifPresent(target.cleanup()::group);
            Optional.ofNullable(answer.path("backup").path("id").textValue()).ifPresent(target.cleanup()::backup);
        } catch (IOException | RuntimeException notJson) {
            // nothing created that can be named
        }
    }

    private Optional<String> snapshot(java.util.function.Supplier<Optional<String>> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private record Sent(String operation, Exchange exchange, Map<String, List<String>> headers, byte[] bytes) {}

    /**
     * Sends the request; an answer that asks for it again later (a rate limit's 413, a 503, with Retry-After) is
     * waited for and the request sent again, as the scenarios' requests are, while the run's --retryAfterSeconds and
     * the phase's --fuzzSeconds both allow the wait. The last answer is the one judged: an implementation that
     * limits its rates is judged on what it does with the request, and a 503 it asked the gate to wait out is not
     * its server error.
     */
    private Sent send(GeneratedRequest request) {
        while (true) {
            long begun = System.nanoTime();
            Sent sent = sendOnce(request);
            Duration took = Duration.ofNanos(System.nanoTime() - begun);
            String retryAfter = header(sent.headers(), "Retry-After");
            Optional<Duration> asked = sent.exchange().status() == 0 ? Optional.empty()
                    : RetryAfter.askedBy(sent.exchange().status(), retryAfter, Instant.now());
            if (asked.isEmpty()) {
                return sent;
            }
            String notWaitedBecause = !conformance.mayWait(took, asked.get(), config.retryAfterBound())
                    ? Conformance.pastTheRunsBound(config.retryAfterBound())
                    : System.nanoTime() + asked.get().toNanos() - deadline >= 0
                    ? "past the end of the negative testing's " + config.fuzzBudget().toSeconds() + " s (--fuzzSeconds)"
                    : null;
            boolean waits = notWaitedBecause == null;
            conformance.asked(new Conformance.Wait(sent.operation(), sent.exchange(), took, asked.get(), waits,
                    notWaitedBecause));
            if (!waits) {
                return sent;
            }
            target.pause().pause(asked.get(), request.method() + " " + request.path() + " answered "
                    + sent.exchange().status() + " with Retry-After: " + retryAfter + " (generated request #"
                    + request.number() + "; " + conformance.waitedInAll().toSeconds() + " s of the "
                    + config.retryAfterBound().toSeconds() + " s the run may wait)");
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).findFirst()
                .map(h -> String.join(", ", h.getValue())).orElse(null);
    }

    private Sent sendOnce(GeneratedRequest request) {
        String url = config.baseUrl() + request.path();
        String operation = operation(request);
        Map<String, String> shown = new LinkedHashMap<>();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(config.requestTimeout())
                .header("Accept", "application/json");
        shown.put("Accept", "application/json");
        switch (request.credential()) {
            case OWN -> {
                builder.header("X-Auth-Token", config.token());
                shown.put("X-Auth-Token", Secrets.TOKEN);
            }
            case UNKNOWN -> {
                builder.header("X-Auth-Token", "not-a-token-" + request.number());
                shown.put("X-Auth-Token", "not-a-token-" + request.number());
            }
            case ANOTHER_ACCOUNT -> {
                builder.header("X-Auth-Token", config.otherToken().orElseThrow());
                shown.put("X-Auth-Token", Secrets.OTHER_TOKEN);
            }
            case NONE -> { }
        }
        request.contentType().ifPresent(type -> {
            builder.header("Content-Type", type);
            shown.put("Content-Type", type);
        });
        builder.method(request.method(), request.body().map(HttpRequest.BodyPublishers::ofString)
                .orElse(HttpRequest.BodyPublishers.noBody()));
        try {
            HttpResponse<byte[]> response = io.hakit.contract.Deadlines.send(http, builder.build(),
                    io.hakit.contract.AnswerLimit.bytes(), config.requestTimeout());
            String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> answerHeaders.put(name, String.join(", ", values)));
            Exchange exchange = new Exchange(operation, request.method(), url, shown, request.body().orElse(null),
                    response.statusCode(), answerHeaders, text);
            conformance.sent(exchange);
            return new Sent(operation, exchange, response.headers().map(), response.body());
        } catch (IOException e) {
            return new Sent(operation, new Exchange(operation, request.method(), url, shown, request.body().orElse(null), 0,
                    Map.of(), e.toString()), Map.of(), new byte[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The named operation the request is (the action the body names, where it names one). */
    private String operation(GeneratedRequest request) {
        JsonNode body = null;
        try {
            body = request.body().isPresent() ? JSON.readTree(request.body().get()) : null;
        } catch (IOException notJson) {
            // no action can be read from it
        }
        return contract.namedOperation(request.operationId(), body).orElse(request.operationId());
    }

    /** The HTTP operations that carry the operations the gate judges (the supporting reads too, when it judges all). */
    private Set<String> selectedOperationIds() {
        boolean all = config.selected().size() == conformance.operations().size();
        Set<String> ids = new HashSet<>();
        contract.namedOperations().stream().filter(op -> op.supporting() ? all : config.judges(op.name()))
                .forEach(op -> ids.add(op.carrier().operationId()));
        return ids;
    }

    private static String rawPath(GeneratedRequest request) {
        return request.path().replaceFirst("\\?.*$", "");
    }

    /**
     * A generated request's failure of one check, as the reports show it: the request (number and seed repeat it),
     * what it was sent as, what it got, and what the check wanted. An ignored_auth failure says which token was
     * missing or unknown (whatever its body, shrunk perhaps to {}, a request without a valid token is refused 401);
     * an error_body failure says what is wrong with the Fault.
     */
    static String describe(GeneratedRequest request, long seed, String check, Exchange smallest,
            Map<Integer, String> faultNames) {
        String which = "generated request #" + request.number() + " of seed " + seed;
        String original = request.body().orElse(null);
        String sentBody = smallest.requestBody();
        boolean shrunk = original != null && !original.equals(sentBody);
        String answered = "answered " + smallest.answerSummary();
        if (check.equals("ignored_auth") && request.credential() == GeneratedRequest.Credential.ANOTHER_ACCOUNT) {
            return which + ", sent with another account's valid token ($HA_OTHER_TOKEN) to this account's path, failed"
                    + " ignored_auth: it was not refused 403 but " + answered + ". A token opens its own account only:"
                    + " another account's path is 403 for every operation, whether or not the resource exists";
        }
        if (check.equals("ignored_auth")) {
            String token = request.credential() == GeneratedRequest.Credential.NONE ? "without a token (no X-Auth-Token)"
                    : "with an unknown token (X-Auth-Token: not-a-token-" + request.number() + ")";
            return which + ", sent " + token + ", failed ignored_auth: it was not refused 401 but " + answered
                    + ". A request without a valid token is refused 401 before its body is looked at"
                    + (sentBody == null ? "" : shrunk ? ": its body, shrunk to " + abbreviated(sentBody)
                            + " from " + abbreviated(original) + ", is not what is wrong" : ": its body is not what is wrong");
        }
        String sent = which + " (" + request.constraint().map(c -> "invalid: " + c).orElse("valid") + ", "
                + (request.credential() == GeneratedRequest.Credential.OWN ? "the account's token"
                        : request.credential().name().toLowerCase() + " token")
                + (shrunk ? ", body shrunk to " + abbreviated(sentBody) : "") + ") failed " + check + ": " + answered;
        if (check.equals("error_body")) {
            return sent + ": " + AnswerChecks.faultProblem(smallest.status(), smallest.responseBody(), faultNames)
                    .orElse("not the Fault of its status");
        }
        if (check.equals("negative_data_rejection") && request.constraint().isPresent()) {
            return sent + "; the document refuses a request invalid this way with "
                    + DocumentedRefusal.wanted(request.constraint().get(), smallest.operation(), faultNames);
        }
        return sent;
    }

    /**
     * A state_unchanged failure: an invalid request sent to the group changed it. Refused (4xx) or, wrongly,
     * accepted: said as it was, not "refused with 202".
     */
    static String stateChanged(GeneratedRequest request, int status, String difference) {
        String which = "generated request #" + request.number() + " (" + request.constraint().orElse("valid") + ")";
        String answer = status >= 400 ? " was refused with " + status + ", yet the HA instance changed: "
                : " was not refused but accepted with " + status + (request.valid() ? "" : " although invalid")
                        + ", and the HA instance changed: ";
        return which + answer + difference;
    }

    private static String abbreviated(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
