package io.hakit.contract.edge;

import io.hakit.openapi.HaContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One operation the probes aim at, as a valid request to it is written: the method, the canonical path (with real
 * ids), and the JSON body if it takes one.
 *
 * @param secured whether the operation needs a token
 * @param accountScoped whether the path names the account (so another account's token must be refused)
 * @param controlApi whether it is the reference server's control API (its errors are Problems, not Faults)
 * @param pathMethods every method the document defines on the route's path (upper case)
 */
public record ProbeRoute(String operationId, String method, String path, Optional<String> body, boolean secured,
        boolean accountScoped, boolean controlApi, Set<String> pathMethods) {

    /** Every HTTP operation of the document, at the path and with the body of its first documented exchange. */
    public static List<ProbeRoute> documented(HaContract contract) {
        List<ProbeRoute> routes = new ArrayList<>();
        for (HaContract.HttpOperation op : contract.httpOperations()) {
            contract.documentedExchanges().stream().filter(e -> e.carrier().operationId().equals(op.operationId()))
                    .findFirst().ifPresent(exchange -> routes.add(new ProbeRoute(op.operationId(), exchange.method(),
                            exchange.path(), exchange.requestBody().map(Object::toString), secured(op),
                            op.pathTemplate().contains("{accountId}"), false, methodsOf(contract, op.pathTemplate()))));
        }
        return routes;
    }

    private static Set<String> methodsOf(HaContract contract, String pathTemplate) {
        return contract.httpOperations().stream().filter(op -> op.pathTemplate().equals(pathTemplate))
                .map(op -> op.method().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** One route per documented exchange: every named operation (each action, attach and detach among them). */
    public static List<ProbeRoute> everyExchange(HaContract contract) {
        return contract.documentedExchanges().stream().map(exchange -> new ProbeRoute(exchange.name(), exchange.method(),
                exchange.path(), exchange.requestBody().map(Object::toString), secured(exchange.carrier()),
                exchange.carrier().pathTemplate().contains("{accountId}"), false,
                methodsOf(contract, exchange.carrier().pathTemplate()))).toList();
    }

    public static boolean secured(HaContract.HttpOperation op) {
        return !op.node().path("security").isArray() || !op.node().path("security").isEmpty();
    }

    /** The path's segments as written (without the leading slash). */
    List<String> segments() {
        return List.of(path.substring(1).split("/", -1));
    }
}
