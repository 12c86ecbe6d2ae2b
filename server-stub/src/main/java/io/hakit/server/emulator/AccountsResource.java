package io.hakit.server.emulator;

import io.hakit.server.domain.ConfigurationGroup;
import io.hakit.server.domain.DbInstance;
import io.hakit.server.domain.DomainException;
import io.hakit.server.domain.HaService;
import io.hakit.server.domain.Limits;
import io.hakit.server.domain.ReplicationSetups;
import io.hakit.server.domain.World;
import io.hakit.server.emulator.api.AccountsApi;
import io.hakit.server.emulator.api.model.ConfigurationAdded;
import io.hakit.server.emulator.api.model.ConfigurationSpec;
import io.hakit.server.emulator.api.model.DatastoreSpec;
import io.hakit.server.emulator.api.model.ReplicationSetupAdded;
import io.hakit.server.emulator.api.model.ReplicationSetupSpec;
import io.hakit.server.http.TokenRegistry;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * Per-account limits, and what an account holds that the HA API cannot create (configuration groups, replication
 * setups), of the accounts the token registry names or the world holds.
 */
public final class AccountsResource implements AccountsApi {

    private final HaService service;
    private final World world;
    private final KnownAccounts accounts;

    public AccountsResource(HaService service, TokenRegistry tokens) {
        this.service = service;
        this.world = service.world();
        this.accounts = new KnownAccounts(tokens, world);
    }

    @Override
    public Response addConfiguration(String accountId, ConfigurationSpec request) {
        Optional<Response> unknown = accounts.unknown(accountId);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        Map<String, Object> values = request.getValues() == null ? Map.of() : request.getValues();
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (!isParameterValue(value.getValue())) {
                return ControlResponses.problem(400, "The value of " + value.getKey()
                        + " must be a string, a finite number or a boolean.");
            }
        }
        try {
            ConfigurationGroup added = service.configurations().create(accountId, request.getName(),
                    request.getDescription(), request.getDatastore().getType(), request.getDatastore().getVersion(), values);
            return ControlResponses.json(201, new ConfigurationAdded().id(added.id()).name(added.name())
                    .datastore(datastore(added.datastore())).values(added.values()));
        } catch (DomainException e) {
            return refused(e);
        }
    }

    @Override
    public Response addReplicationSetup(String accountId, ReplicationSetupSpec request) {
        Optional<Response> unknown = accounts.unknown(accountId);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        try {
            ReplicationSetups.Created added = service.replicationSetups().create(accountId, request.getName(),
                    request.getDatastore().getType(), request.getDatastore().getVersion(), request.getFlavorRef(),
                    request.getVolume(), request.getReplicas());
            return ControlResponses.json(201, new ReplicationSetupAdded().sourceId(added.source().id())
                    .replicaIds(added.replicas().stream().map(DbInstance::id).toList()));
        } catch (DomainException e) {
            return refused(e);
        }
    }

    /**
     * A string, a boolean, or a number a configuration can hold: JSON has no infinity, but a number beyond a double's
     * range (1e999) reads as one, and was stored as the string "Infinity".
     */
    private static boolean isParameterValue(Object value) {
        if (value instanceof Double number) {
            return Double.isFinite(number);
        }
        if (value instanceof Float number) {
            return Float.isFinite(number);
        }
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static DatastoreSpec datastore(io.hakit.server.domain.Datastore datastore) {
        return new DatastoreSpec().type(datastore.type()).version(datastore.version());
    }

    /** An unknown datastore or flavor is 404, like the account; a flavor HA does not take is a bad request. */
    private static Response refused(DomainException e) {
        return ControlResponses.problem(e.kind() == DomainException.Kind.NOT_FOUND ? 404 : 400, e.getMessage());
    }

    @Override
    public Response readLimits(String accountId) {
        Optional<Response> unknown = accounts.unknown(accountId);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        return ControlResponses.json(200, world.locked(() -> world.account(accountId).limits()));
    }

    @Override
    public Response setLimits(String accountId, io.hakit.server.emulator.api.model.Limits request) {
        Optional<Response> unknown = accounts.unknown(accountId);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        Limits limits = new Limits(request.getMaxInstances(), request.getMaxVolumeGb(), request.getRates().stream()
                .map(r -> new Limits.RateLimit(r.getMethod().toString(), r.getPathPattern(), r.getPerMinute())).toList());
        world.locked(() -> world.limits(world.account(accountId), limits));
        return ControlResponses.json(200, limits);
    }
}
