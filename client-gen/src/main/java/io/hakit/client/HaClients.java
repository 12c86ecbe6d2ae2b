package io.hakit.client;

import io.hakit.client.invoker.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The generated Java client (library {@code native}: java.net.http, no dependency beyond Jackson), set up for the
 * HA API: the token in X-Auth-Token on every request, and HTTP/1.1, because java.net.http otherwise tries an
 * HTTP/2 upgrade that servers such as Grizzly answer without reading the request body.
 */
public final class HaClients {

    public static final String VERSION = "v1.0";

    private HaClients() {}

    /**
     * @param serviceRoot the service root, for example {@code https://ord.databases.api.rackspacecloud.com}; paths
     *     add {@code /v1.0/{accountId}}
     */
    public static ApiClient create(URI serviceRoot, String token) {
        HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        ApiClient client = new ApiClient(http, ApiClient.createDefaultObjectMapper(), serviceRoot.toString());
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("X-Auth-Token", token));
        return client;
    }
}
