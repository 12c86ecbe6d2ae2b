package io.hakit.openapi.generate;

import io.hakit.openapi.HaContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The path parameters of each operation's documented request (the ids the documented world holds, the ACL address
 * in its documented encoding), for generating requests against that world.
 */
public final class DocumentedValues {

    private DocumentedValues() {}

    /** (operationId, parameter name) to the value of the operation's first documented request, as written. */
    public static BiFunction<String, String, String> of(HaContract contract) {
        Map<String, String> values = new HashMap<>();
        for (HaContract.DocumentedExchange exchange : contract.documentedExchanges()) {
            String operationId = exchange.carrier().operationId();
            List<String> template = List.of(exchange.carrier().pathTemplate().split("/"));
            String[] path = exchange.path().replaceFirst("\\?.*$", "").split("/");
            for (int i = 0; i < template.size() && i < path.length; i++) {
                String segment = template.get(i);
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    values.putIfAbsent(operationId + " " + segment.substring(1, segment.length() - 1), path[i]);
                }
            }
        }
        return (operationId, name) -> values.get(operationId + " " + name);
    }
}
