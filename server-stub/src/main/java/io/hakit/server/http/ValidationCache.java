package io.hakit.server.http;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Remembers the validator's verdict on requests it has seen: a verdict depends only on the method, the path, the
 * query, the content type and the body, and CI clients repeat the same few requests. A request to an HA operation
 * whose path parameter values the validator has already accepted is judged by its shape (its operation, not its
 * path), because each path parameter has one schema throughout the document ({@link SharedPathParameters}): the
 * ACL, action and delete of a group created a moment ago are then not validated again for their new id, and a new
 * id in a request of a shape judged before needs only its own value checked ({@link PathParameterValues}). Bounded:
 * once full, a map starts over. Only small bodies are remembered. Reading takes no lock.
 */
final class ValidationCache {

    static final int MAX_ENTRIES = 2_000;
    static final int MAX_VALUES = 50_000;
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

    /**
     * A request as the validator judges it.
     *
     * @param operationId the HA operation Jersey matched, or null (the control API: judged by its path only)
     * @param pathParameters the path parameters' values as sent (not decoded), by name
     */
    record Question(String method, String path, String operationId, Map<String, String> pathParameters, String query,
            String contentType, byte[] body) {}

    /** A request's identity for its verdict: by its path, or by its operation (its shape). No strings are joined. */
    private record Key(String method, String pathOrOperation, boolean byShape, String query, String contentType,
            Body body) {}

    /** A body compared by its bytes, hashed once. */
    private record Body(byte[] bytes, int hash) {
        Body(byte[] bytes) {
            this(bytes, Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Body that && hash == that.hash && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A path parameter's value the validator accepted. */
    private record Value(String name, String value) {}

    private final Set<String> sharedParameters;
    private final ConcurrentHashMap<Key, Verdict> verdicts = new ConcurrentHashMap<>();
    private final Set<Value> validValues = ConcurrentHashMap.newKeySet();

    ValidationCache(Set<String> sharedParameters) {
        this.sharedParameters = sharedParameters;
    }

    /** The verdict on a request seen before (or on one of the same shape), or null. */
    Verdict get(Question question) {
        if (question.body().length > MAX_BODY_BYTES) {
            return null;
        }
        return verdicts.get(knownValid(question) ? shapeKey(question) : exactKey(question));
    }

    /**
     * As {@link #get(Question)}, and for a request whose shape has a verdict but some of whose path parameter values
     * are new: that verdict, once {@code acceptsValue} accepted each new name and value alone (they are then
     * remembered as valid). Else null: the validator must judge the request (it names what is wrong with a value).
     */
    Verdict get(Question question, BiPredicate<String, String> acceptsValue) {
        Verdict known = get(question);
        if (known != null || question.body().length > MAX_BODY_BYTES || !byShapeAtAll(question)) {
            return known;
        }
        Verdict shaped = verdicts.get(shapeKey(question));
        if (shaped == null) {
            return null;
        }
        Map<String, String> newValues = new HashMap<>();
        question.pathParameters().forEach((name, value) -> {
            if (!validValues.contains(new Value(name, value))) {
                newValues.put(name, value);
            }
        });
        for (Map.Entry<String, String> parameter : newValues.entrySet()) {
            if (!acceptsValue.test(parameter.getKey(), parameter.getValue())) {
                return null;
            }
        }
        remember(newValues);
        return shaped;
    }

    void put(Question question, Verdict verdict) {
        if (question.body().length > MAX_BODY_BYTES) {
            return;
        }
        // A refusal is remembered by shape only if the parameters were valid before: it is then about the rest.
        boolean byShape = knownValid(question) || (verdict.problem() == null && byShapeAtAll(question));
        if (verdict.problem() == null && byShape) {
            remember(question.pathParameters());
        }
        if (verdicts.size() >= MAX_ENTRIES) {
            verdicts.clear();
        }
        verdicts.put(byShape ? shapeKey(question) : exactKey(question), verdict);
    }

    private boolean byShapeAtAll(Question question) {
        return question.operationId() != null && sharedParameters.containsAll(question.pathParameters().keySet());
    }

    private boolean knownValid(Question question) {
        if (!byShapeAtAll(question)) {
            return false;
        }
        for (Map.Entry<String, String> parameter : question.pathParameters().entrySet()) {
            if (!validValues.contains(new Value(parameter.getKey(), parameter.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private void remember(Map<String, String> pathParameters) {
        if (validValues.size() + pathParameters.size() > MAX_VALUES) {
            validValues.clear();
        }
        pathParameters.forEach((name, value) -> validValues.add(new Value(name, value)));
    }

    private static Key exactKey(Question question) {
        return new Key(question.method(), question.path(), false, question.query(), question.contentType(),
                new Body(question.body()));
    }

    private static Key shapeKey(Question question) {
        return new Key(question.method(), question.operationId(), true, question.query(), question.contentType(),
                new Body(question.body()));
    }
}
