package io.hakit.server.emulator;

import io.hakit.server.domain.World;
import io.hakit.server.http.TokenRegistry;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Which accounts the control API may act on: one that a token of the registry belongs to, or that the world holds
 * something of. Any other is a client's typo, answered 404 rather than quietly acted on (an empty account reset).
 */
final class KnownAccounts {

    private final TokenRegistry tokens;
    private final World world;

    KnownAccounts(TokenRegistry tokens, World world) {
        this.tokens = tokens;
        this.world = world;
    }

    /** The control API's 404 for an account it does not know, if this is one. */
    Optional<Response> unknown(String accountId) {
        if (tokens.accounts().contains(accountId)
                || world.locked(() -> world.store().existingAccount(accountId).isPresent())) {
            return Optional.empty();
        }
        return Optional.of(ControlResponses.problem(404, "No account " + accountId
                + ": no token of the registry belongs to it and the world holds nothing of it."));
    }
}
