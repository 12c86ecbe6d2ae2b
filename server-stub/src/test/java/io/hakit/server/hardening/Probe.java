package io.hakit.server.hardening;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hakit.openapi.ContractValidators;
import io.hakit.server.ReferenceServer;
import io.hakit.server.domain.World;
import io.hakit.server.store.WorldFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends one (usually wrong) request to the reference server and judges the answer: never a 5xx, always an answer
 * the document describes (for an error, the Fault of its code), and a world left exactly as it was by a refusal.
 */
final class Probe {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final Set<String> UNDOCUMENTED_REQUEST = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");
    private static final OpenApiInteractionValidator VALIDATOR = ContractValidators.strict();

    private final ReferenceServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Probe(ReferenceServer server) {
        this.server = server;
    }

    /** A request as a fuzzer makes it: any method, raw path, headers (a null value leaves it out) and body. */
    record Request(String method, String path, Map<String, String> headers, Optional<byte[]> body) {}

    record Outcome(int status, String body, boolean changedTheWorld) {}

    /**
     * Sends and judges. The world is compared before and after a request that may write; a read is not, to keep
     * 10,000 requests quick (the edge suites in contract-tests compare it around every read too).
     */
    Outcome send(Request request) {
        boolean mayWrite = !request.method().equals("GET");
        String before = mayWrite ? fingerprint(server.world()) : null;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUri() + request.path()))
                .timeout(Duration.ofSeconds(10))
                .method(request.method(), request.body().map(HttpRequest.BodyPublishers::ofByteArray)
                        .orElse(HttpRequest.BodyPublishers.noBody()));
        request.headers().forEach((name, value) -> {
            if (value != null) {
                builder.header(name, value);
            }
        });
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        boolean changed = mayWrite && !before.equals(fingerprint(server.world()));
        judge(request, response, changed);
        return new Outcome(response.statusCode(), response.body(), changed);
    }

    private static void judge(Request request, HttpResponse<String> response, boolean changed) {
        int status = response.statusCode();
        String what = request.method() + " " + request.path() + " " + request.headers() + " answered " + status + " "
                + response.body();
        if (status >= 500) {
            throw new AssertionError("a 5xx: " + what);
        }
        if (status >= 400 && changed) {
            throw new AssertionError("a refusal changed the world: " + what);
        }
        ValidationReport report = ContractValidators.validateResponse(VALIDATOR, request.method(),
                request.path().replaceFirst("\\?.*$", ""), status, response.headers().map(), response.body());
        boolean documentedRequest = report.getMessages().stream().noneMatch(m -> UNDOCUMENTED_REQUEST.contains(m.getKey()));
        List<String> errors = report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getMessage).toList();
        if (documentedRequest && !errors.isEmpty()) {
            throw new AssertionError("an answer outside the document (" + errors + "): " + what);
        }
        if (status >= 400 && !request.method().equals("HEAD") && !isFault(response.body(), status)) { // HEAD has no body
            throw new AssertionError("not the Fault of its code: " + what);
        }
    }

    private static boolean isFault(String body, int status) {
        try {
            var json = JSON.readTree(body);
            return json.size() == 1 && json.elements().next().path("code").asInt() == status
                    && json.elements().next().path("message").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    static String fingerprint(World world) {
        return world.lockedAsLeft(() -> {
            try {
                return JSON.writeValueAsString(WorldFiles.dump(world, Optional.empty()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
