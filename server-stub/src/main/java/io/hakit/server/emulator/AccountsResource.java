package io.hakit.server.emulator;

import io.hakit.server.domain.Limits;
import io.hakit.server.domain.World;
import io.hakit.server.emulator.api.AccountsApi;
import jakarta.ws.rs.core.Response;

/** Per-account limits. */
public final class AccountsResource implements AccountsApi {

    private final World world;

    public AccountsResource(World world) {
        this.world = world;
    }

    @Override
    public Response readLimits(String accountId) {
        return ControlResponses.json(200, world.locked(() -> world.account(accountId).limits()));
    }

    @Override
    public Response setLimits(String accountId, io.hakit.server.emulator.api.model.Limits request) {
        Limits limits = new Limits(request.getMaxInstances(), request.getMaxVolumeGb(), request.getRates().stream()
                .map(r -> new Limits.RateLimit(r.getMethod(), r.getPathPattern(), r.getPerMinute())).toList());
        world.locked(() -> world.limits(world.account(accountId), limits));
        return ControlResponses.json(200, limits);
    }
}
