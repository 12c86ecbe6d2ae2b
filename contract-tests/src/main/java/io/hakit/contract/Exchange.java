package io.hakit.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request the gate sent and the answer it got, as a reader needs them to reproduce a failure: tokens already
 * masked ({@code $HA_TOKEN}, {@code $HA_OTHER_TOKEN}), so that the exchange can be written to any report.
 */
public record Exchange(String operation, String method, String url, Map<String, String> requestHeaders, String requestBody,
        int status, Map<String, String> responseHeaders, String responseBody, String rawRequest) {

    public Exchange(String operation, String method, String url, Map<String, String> requestHeaders, String requestBody,
            int status, Map<String, String> responseHeaders, String responseBody) {
        this(operation, method, url, requestHeaders, requestBody, status, responseHeaders, responseBody, null);
    }

    /**
     * A request sent byte for byte on a socket (an edge probe), shown as its bytes with the non-printable ones
     * escaped.
     */
    public static Exchange raw(String operation, String host, int port, String printableRequest, int status, String answer) {
        return new Exchange(operation, "RAW", "http://" + host + ":" + port, Map.of(), null, status, Map.of(), answer,
                printableRequest);
    }

    public Exchange {
        requestHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(requestHeaders));
        responseHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(responseHeaders));
    }

    /** One line that sends the same request again (with the token from the environment). */
    public String curl() {
        if (rawRequest != null) {
            java.net.URI target = java.net.URI.create(url);
            String bytes = quoted(rawRequest).replace(Secrets.TOKEN, "'\"" + Secrets.TOKEN + "\"'")
                    .replace(Secrets.OTHER_TOKEN, "'\"" + Secrets.OTHER_TOKEN + "\"'");
            return "printf '%b' '" + bytes + "' | nc -q 5 " + target.getHost() + " " + target.getPort();
        }
        StringBuilder curl = new StringBuilder("curl -sS -i -X ").append(method).append(" '").append(quoted(url)).append('\'');
        requestHeaders.forEach((name, value) -> curl.append(" -H \"").append(name).append(": ").append(value.replace("\"", "\\\""))
                .append('"'));
        if (requestBody != null && !requestBody.isEmpty()) {
            curl.append(" --data-raw '").append(quoted(requestBody)).append('\'');
        }
        return curl.toString();
    }

    public String answerSummary() {
        String body = responseBody == null || responseBody.isEmpty() ? "(no body)" : responseBody;
        return status + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
    }

    private static String quoted(String text) {
        return text.replace("'", "'\\''");
    }
}
