package io.hakit.client;

import io.hakit.server.ReferenceServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The few control API calls the client tests need (the control API is not the HA API: no generated client). */
final class ControlClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    private ControlClient(URI base) {
        this.base = base;
    }

    static ControlClient of(ReferenceServer server) {
        return new ControlClient(server.baseUri());
    }

    void reset(String scenario) {
        post("/_emulator/reset", "{\"scenario\": \"" + scenario + "\"}");
    }

    void post(String path, String json) {
        send("POST", path, json);
    }

    void put(String path, String json) {
        send("PUT", path, json);
    }

    /** The answer's body. */
    String send(String method, String path, String json) {
        try {
            HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/json").method(method, body).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
