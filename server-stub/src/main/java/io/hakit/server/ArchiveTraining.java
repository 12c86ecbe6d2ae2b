package io.hakit.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The build's training run for the class-data-sharing archive the README's run command uses (server-stub/jvm.options:
 * {@code -XX:SharedArchiveFile=server-stub/target/ha-reference-server.jsa}): run at package time with
 * {@code -XX:ArchiveClassesAtExit}, it starts the server as {@link ReferenceServerMain} does, asks it what a client's
 * first requests ask (GET /, a group, a page, a create), and exits, so that the JVM archives every class a start and a
 * first answer load. It reads them from the archive instead of the jar on every later start (Java 17 has no
 * auto-created archive; the build writes it instead).
 */
public final class ArchiveTraining {

    private static final String TOKEN = "e3b2c743aebf467fb6b91cbb644c036e";

    private ArchiveTraining() {}

    public static void main(String[] args) throws IOException {
        ReferenceServerMain.useRootLocale();
        try (ReferenceServer server = ReferenceServer.start(ServerConfig.defaults().withPort(0))) {
            String base = server.baseUri().toString();
            call("GET", base + "/", null);
            call("GET", base + "/v1.0/1234/ha?limit=20", null);
            call("GET", base + "/v1.0/1234/ha/e7fdf90b-7140-4edb-b449-e093d55008fb", null);
            call("POST", base + "/v1.0/1234/ha", "{\"ha\":{\"name\":\"training\",\"datastore\":{\"type\":\"mysql\","
                    + "\"version\":\"5.7\"},\"networks\":[\"servicenet\"],\"replica_source\":[{\"name\":\"s\","
                    + "\"flavorRef\":\"2\",\"volume\":{\"size\":1}}],\"replicas\":[{\"name\":\"r\",\"flavorRef\":\"2\","
                    + "\"volume\":{\"size\":1}}]}}");
        }
        System.exit(0); // the JVM writes the archive as it exits
    }

    private static void call(String method, String url, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setRequestProperty("X-Auth-Token", TOKEN);
        connection.setRequestProperty("Accept", "application/json");
        if (body != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        if (status >= 500) {
            throw new IllegalStateException(method + " " + url + " answered " + status);
        }
    }
}
