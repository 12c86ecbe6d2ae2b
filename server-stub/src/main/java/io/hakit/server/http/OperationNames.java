package io.hakit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.openapi.HaContract;
import io.hakit.openapi.HaContract.NamedOperation;
import io.hakit.server.domain.Echoes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells which of the document's named operations (x-operations) a request is: the HTTP operationId alone, or, for
 * the HTTP operations that carry several, the action key of the body or the PATCH's configuration value.
 */
public final class OperationNames {

    private final HaContract contract;
    private final Map<String, List<NamedOperation>> byOperationId;
    private final Set<String> secured;
    private final Set<String> withoutInput;

    public OperationNames(HaContract contract) {
        this.contract = contract;
        this.byOperationId = contract.namedOperations().stream()
                .collect(Collectors.groupingBy(op -> op.carrier().operationId()));
        this.secured = contract.httpOperations().stream()
                .filter(op -> !op.node().path("security").isArray() || !op.node().path("security").isEmpty())
                .map(HaContract.HttpOperation::operationId).collect(Collectors.toUnmodifiableSet());
        this.withoutInput = contract.httpOperations().stream()
                .filter(op -> op.node().path("parameters").isEmpty() && !op.node().has("requestBody"))
                .map(HaContract.HttpOperation::operationId).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the document gives the operation no parameter and no body: nothing a validator could look at. */
    public boolean takesNoInput(String operationId) {
        return withoutInput.contains(operationId);
    }

    public boolean knows(String operationId) {
        return byOperationId.containsKey(operationId);
    }

    /** Whether the document secures the operation (its {@code security} names a scheme; {@code []} means public). */
    public boolean needsToken(String operationId) {
        return secured.contains(operationId);
    }

    public Optional<String> name(String operationId, JsonNode body) {
        return contract.namedOperation(operationId, body);
    }

    /**
     * The named operation a request the document refuses still names, for the journal: the HTTP operation's only
     * one, the single action key of an action body, or an attach or detach whose {@code configuration} is a string.
     * A body that names none or several is not guessed at.
     */
    public Optional<String> nameOfRefused(String operationId, JsonNode body) {
        List<NamedOperation> carried = byOperationId.getOrDefault(operationId, List.of());
        if (carried.size() == 1) {
            return Optional.of(carried.get(0).name());
        }
        if (body == null || !body.isObject() || actionProblem(operationId, body).isPresent()) {
            return Optional.empty();
        }
        if (carried.stream().anyMatch(op -> op.action().isPresent())) {
            return name(operationId, body);
        }
        return body.size() == 1 && body.path("ha_instance").path("configuration").isTextual()
                ? name(operationId, body) : Optional.empty();
    }

    /**
     * For an HTTP operation that carries actions, what is wrong with a body that names none or several of them:
     * a clearer 400 than the schema's "matched 0 of 6".
     */
    public Optional<String> actionProblem(String operationId, JsonNode body) {
        List<String> actions = byOperationId.getOrDefault(operationId, List.of()).stream()
                .flatMap(op -> op.action().stream()).toList();
        if (actions.isEmpty() || body == null || !body.isObject()) {
            return Optional.empty();
        }
        List<String> keys = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(keys::add);
        if (keys.size() == 1 && actions.contains(keys.get(0))) {
            return Optional.empty();
        }
        String known = String.join(", ", actions);
        return Optional.of(keys.size() == 1
                ? "Unknown action '" + Echoes.bounded(keys.get(0)) + "': the body's single key names the action, one of " + known + "."
                : "The body must have exactly one key, the action (one of " + known + "); it has " + Echoes.bounded(keys.toString()) + ".");
    }

    /** Every named operation, for the control API to check fault injections against. */
    public boolean isNamedOperation(String name) {
        return byOperationId.values().stream().flatMap(List::stream).anyMatch(op -> op.name().equals(name));
    }
}
