package io.hakit.server.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the validator's verdict on requests it has seen: a verdict depends only on the method, path, query,
 * content type and body, and CI clients repeat the same few requests. Bounded (least recently used out), and
 * only small bodies are remembered.
 */
final class ValidationCache {

    static final int MAX_ENTRIES = 10_000;
    static final int MAX_BODY_BYTES = 4 * 1024;

    /** What the validator said: null when the request passed, else the 400's message. */
    record Verdict(String problem) {}

    private final Map<String, Verdict> verdicts = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verdict> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    static Optional<String> key(String method, String pathAndQuery, String contentType, byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        return Optional.of(method + ' ' + pathAndQuery + '\n' + contentType + '\n'
                + new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    synchronized Verdict get(String key) {
        return verdicts.get(key);
    }

    synchronized void put(String key, Verdict verdict) {
        verdicts.put(key, verdict);
    }
}
