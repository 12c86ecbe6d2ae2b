package io.hakit.contract.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.openapi.HaContract;

/** Which of the document's named operations a request is, by method, raw path and body. */
final class OperationNamer {

    private final HaContract contract;

    OperationNamer(HaContract contract) {
        this.contract = contract;
    }

    String name(String method, String rawPath, JsonNode body) {
        return contract.httpOperation(method, rawPath)
                .flatMap(op -> contract.namedOperation(op.operationId(), body))
                .orElse(method + " " + rawPath);
    }
}
