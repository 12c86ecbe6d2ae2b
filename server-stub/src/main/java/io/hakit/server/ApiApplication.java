package io.hakit.server;

import io.hakit.openapi.ContractValidators;
import io.hakit.openapi.HaContract;
import io.hakit.server.domain.HaService;
import io.hakit.server.domain.World;
import io.hakit.server.emulator.AccountsResource;
import io.hakit.server.emulator.ClockResource;
import io.hakit.server.emulator.EmulatorState;
import io.hakit.server.emulator.FailoverResource;
import io.hakit.server.emulator.FaultsResource;
import io.hakit.server.emulator.JournalResource;
import io.hakit.server.emulator.Scenarios;
import io.hakit.server.emulator.WorldResource;
import io.hakit.server.http.AcceptJsonFilter;
import io.hakit.server.http.ApiVersionFilter;
import io.hakit.server.http.AuthenticationFilter;
import io.hakit.server.http.BodyLimitFilter;
import io.hakit.server.http.DocumentsResource;
import io.hakit.server.http.ExceptionMappers;
import io.hakit.server.http.FaultInjectionFilter;
import io.hakit.server.http.JournalFilter;
import io.hakit.server.http.JsonBodyFilter;
import io.hakit.server.http.JsonMapperResolver;
import io.hakit.server.http.OperationNames;
import io.hakit.server.http.RateLimitFilter;
import io.hakit.server.http.RequestValidationFilter;
import io.hakit.server.http.TokenRegistry;
import io.hakit.server.resources.BackupsResource;
import io.hakit.server.resources.HaAclsResource;
import io.hakit.server.resources.HaActionsResource;
import io.hakit.server.resources.HaInstancesResource;
import io.hakit.server.resources.ReplicationResource;
import io.hakit.server.resources.SupportingResources;
import io.hakit.server.resources.views.Views;
import java.util.concurrent.CompletableFuture;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Wires the server: the resources that implement the generated interfaces, the filters in the documented order of
 * precedence (authentication, rate limits, body size, routing, version, media type, validation, injected faults),
 * the fault mappers, and the control API.
 */
final class ApiApplication extends ResourceConfig {

    ApiApplication(HaService service, Views views, TokenRegistry tokens, EmulatorState emulator, long maxBodyBytes) {
        HaContract contract = HaContract.load();
        OperationNames operationNames = new OperationNames(contract);
        Scenarios scenarios = new Scenarios(contract);
        World world = service.world();

        // One instance each: the resources hold no request state, and a request need not build one.
        register(new HaInstancesResource(service, views));
        register(new HaAclsResource(service, views));
        register(new HaActionsResource(service, views));
        register(new BackupsResource(service, views));
        register(new ReplicationResource(service, views));
        register(new SupportingResources(service, views, tokens));
        register(new DocumentsResource());

        register(new WorldResource(world, scenarios, emulator));
        register(new ClockResource(world));
        register(new FaultsResource(emulator.faults(), operationNames));
        register(new FailoverResource(service));
        register(new AccountsResource(world));
        register(new JournalResource(emulator.journal()));

        register(new AcceptJsonFilter());
        register(new AuthenticationFilter(tokens));
        register(new RateLimitFilter(world, emulator.rateLimiter()));
        register(new BodyLimitFilter(maxBodyBytes));
        register(new ApiVersionFilter());
        register(new JsonBodyFilter());
        register(new RequestValidationFilter(CompletableFuture.supplyAsync(ContractValidators::strict), operationNames));
        register(new FaultInjectionFilter(emulator.faults()));
        register(new JournalFilter(emulator.journal(), world.clock()));

        register(JacksonFeature.withoutExceptionMappers());
        register(JsonMapperResolver.class);
        register(ExceptionMappers.Domain.class);
        register(ExceptionMappers.Web.class);
        register(ExceptionMappers.Json.class);
        register(ExceptionMappers.Unexpected.class);

        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        property(ServerProperties.BV_FEATURE_DISABLE, true);
        property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);

    }
}
