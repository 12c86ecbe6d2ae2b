package io.hakit.server.emulator;

import io.hakit.server.domain.Limits;
import io.hakit.server.domain.World;
import io.hakit.server.emulator.api.AccountsApi;
import io.hakit.server.http.TokenRegistry;
import jakarta.ws.rs.core.Response;

/** Per-account limits, of the accounts the token registry names or the world holds. */
public final class AccountsResource implements AccountsApi {

    private final World world;
    private final TokenRegistry tokens;

    public AccountsResource(World world, TokenRegistry tokens) {
        this.world = world;
        this.tokens = tokens;
    }

    @Override
    public Response readLimits(String accountId) {
        if (!known(accountId)) {
            return unknown(accountId);
        }
        return ControlResponses.json(200, world.locked(() -> world.account(accountId).limits()));
    }

    @Override
    public Response setLimits(String accountId, io.hakit.server.emulator.api.model.Limits request) {
        if (!known(accountId)) {
            return unknown(accountId);
        }
        Limits limits = new Limits(request.getMaxInstances(), request.getMaxVolumeGb(), request.getRates().stream()
                .map(r -> new Limits.RateLimit(r.getMethod().toString(), r.getPathPattern(), r.getPerMinute())).toList());
        world.locked(() -> world.limits(world.account(accountId), limits));
        return ControlResponses.json(200, limits);
    }

    private boolean known(String accountId) {
        return tokens.accounts().contains(accountId)
                || world.locked(() -> world.store().existingAccount(accountId).isPresent());
    }

    private static Response unknown(String accountId) {
        return ControlResponses.problem(404, "No account " + accountId + ": no token of the registry belongs to it "
                + "and the world holds nothing of it.");
    }
}
