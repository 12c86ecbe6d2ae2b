package io.hakit.server.emulator;

import io.hakit.server.domain.DomainException;
import io.hakit.server.domain.Failovers;
import io.hakit.server.domain.HaService;
import io.hakit.server.emulator.api.FailoverApi;
import jakarta.ws.rs.core.Response;

/** Simulated MHA failovers. */
public final class FailoverResource implements FailoverApi {

    private final HaService service;

    public FailoverResource(HaService service) {
        this.service = service;
    }

    @Override
    public Response failOver(String accountId, String haId) {
        try {
            Failovers.Result result = service.failovers().failOver(accountId, haId);
            return ControlResponses.json(202, result);
        } catch (DomainException e) {
            return ControlResponses.problem(e.kind() == DomainException.Kind.NOT_FOUND ? 404 : 409, e.getMessage());
        }
    }
}
