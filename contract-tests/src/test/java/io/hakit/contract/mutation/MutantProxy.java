package io.hakit.contract.mutation;

import com.sun.net.httpserver.HttpExchange;
import io.hakit.contract.BrokenProxy;
import io.hakit.contract.mutation.Mutants.Kind;
import io.hakit.contract.mutation.Mutants.Mutant;
import io.hakit.openapi.HaContract;
import java.net.http.HttpRequest;
import java.util.Optional;
import java.util.Set;

/** What a mutant does to the exchanges of its operation, as a proxy in front of the reference server. */
final class MutantProxy implements BrokenProxy.Breakage {

    private static final Set<Integer> REFUSALS = Set.of(400, 404, 422);

    private final Mutant mutant;
    private final HaContract contract;
    private final String token;
    private final java.util.concurrent.atomic.AtomicInteger applied = new java.util.concurrent.atomic.AtomicInteger();

    MutantProxy(Mutant mutant, HaContract contract, String token) {
        this.mutant = mutant;
        this.contract = contract;
        this.token = token;
    }

    @Override
    public void request(HttpExchange exchange, HttpRequest.Builder forwarded) {
        if (mutant.kind() == Kind.AUTH_SKIPPED && isOperation(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath())
                && !token.equals(exchange.getRequestHeaders().getFirst("X-Auth-Token"))) {
            forwarded.setHeader("X-Auth-Token", token);
            applied.incrementAndGet();
        }
    }

    @Override
    public BrokenProxy.Answer answer(String method, String path, String requestBody, BrokenProxy.Answer answer) {
        if (!isOperation(method, path)) {
            return answer;
        }
        BrokenProxy.Answer changed = switch (mutant.kind()) {
            case FIELD_DROPPED, FIELD_RENAMED, FIELD_RETYPED -> answer.status() == mutant.status()
                    ? new BrokenProxy.Answer(answer.status(), Mutants.mutateBody(mutant, answer.body())) : answer;
            case STATUS_SWAPPED -> answer.status() == mutant.status()
                    ? new BrokenProxy.Answer(Integer.parseInt(mutant.pointer()), answer.body()) : answer;
            case REFUSAL_ACCEPTED -> REFUSALS.contains(answer.status())
                    ? new BrokenProxy.Answer(mutant.status(), successExample().orElse("")) : answer;
            case AUTH_SKIPPED -> answer;
        };
        if (!changed.equals(answer)) {
            applied.incrementAndGet();
        }
        return changed;
    }

    /** How many exchanges the mutant changed: none means the gate never met the bug (the field never appeared). */
    int applied() {
        return applied.get();
    }

    private boolean isOperation(String method, String rawPath) {
        return mutant.method().equals(method) && contract.httpOperation(method, rawPath)
                .map(op -> op.operationId().equals(mutant.operationId())).orElse(false);
    }

    /** The operation's documented success answer, if it has a body: what the mutant answers in place of a refusal. */
    private Optional<String> successExample() {
        return contract.documentedExchanges().stream()
                .filter(e -> e.carrier().operationId().equals(mutant.operationId()) && e.status() == mutant.status())
                .findFirst().flatMap(HaContract.DocumentedExchange::responseBody).map(Object::toString);
    }
}
