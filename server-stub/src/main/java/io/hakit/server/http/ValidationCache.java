package io.hakit.server.http;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the validator's verdict on requests it has seen: a verdict depends only on the method, path, query,
 * content type and body, and CI clients repeat the same few requests. Bounded: once full it remembers nothing new;
 * only small bodies are remembered. Reading takes no lock.
 */
final class ValidationCache {

    static final int MAX_ENTRIES = 10_000;
    static final int MAX_BODY_BYTES = 4 * 1024;

    /**
     * What the validator said: null when the request passed, else the 400's message; and, for a request that passed,
     * the named HA operation it is (read from its body once, not on every request that repeats it).
     */
    record Verdict(String problem, Optional<String> operation) {

        static Verdict refused(String problem) {
            return new Verdict(problem, Optional.empty());
        }
    }

    private final ConcurrentHashMap<String, Verdict> verdicts = new ConcurrentHashMap<>();

    static Optional<String> key(String method, String pathAndQuery, String contentType, byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        return Optional.of(method + ' ' + pathAndQuery + '\n' + contentType + '\n'
                + new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    Verdict get(String key) {
        return verdicts.get(key);
    }

    void put(String key, Verdict verdict) {
        if (verdicts.size() < MAX_ENTRIES) {
            verdicts.put(key, verdict);
        }
    }
}
