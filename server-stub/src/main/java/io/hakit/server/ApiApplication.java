package io.hakit.server;

import io.hakit.openapi.ContractValidators;
import io.hakit.openapi.HaContract;
import io.hakit.server.domain.HaService;
import io.hakit.server.domain.World;
import io.hakit.server.emulator.AccountsResource;
import io.hakit.server.emulator.AclEncodingResource;
import io.hakit.server.emulator.ClockResource;
import io.hakit.server.emulator.EmulatorState;
import io.hakit.server.emulator.FailoverResource;
import io.hakit.server.emulator.FaultsResource;
import io.hakit.server.emulator.JournalResource;
import io.hakit.server.emulator.Scenarios;
import io.hakit.server.emulator.WorldResource;
import io.hakit.server.emulator.WorldValuesAsDocumented;
import io.hakit.server.http.AcceptJsonFilter;
import io.hakit.server.http.AccessGuard;
import io.hakit.server.http.DocumentedMethodsFilter;
import io.hakit.server.http.ApiVersionFilter;
import io.hakit.server.http.AuthenticationFilter;
import io.hakit.server.http.BodyLimitFilter;
import io.hakit.server.http.BodyLimits;
import io.hakit.server.http.BuiltOnFirstUse;
import io.hakit.server.http.ControlApiSameOrigin;
import io.hakit.server.http.DocumentsResource;
import io.hakit.server.http.ExceptionMappers;
import io.hakit.server.http.FaultInjectionFilter;
import io.hakit.server.http.FilterSequence;
import io.hakit.server.http.JournalFilter;
import io.hakit.server.http.JsonBodyFilter;
import io.hakit.server.http.JsonMapperResolver;
import io.hakit.server.http.OperationNames;
import io.hakit.server.http.RateLimitFilter;
import io.hakit.server.http.ReadableContentType;
import io.hakit.server.http.RequestValidationFilter;
import io.hakit.server.http.RoutingRoots;
import io.hakit.server.http.SharedPathParameters;
import io.hakit.server.http.StringParameters;
import io.hakit.server.http.TokenRegistry;
import io.hakit.server.resources.BackupsResource;
import io.hakit.server.resources.HaAclsResource;
import io.hakit.server.resources.HaActionsResource;
import io.hakit.server.resources.HaInstancesResource;
import io.hakit.server.resources.ReplicationResource;
import io.hakit.server.resources.SupportingResources;
import io.hakit.server.resources.views.Views;
import jakarta.ws.rs.Priorities;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Wires the server: the resources that implement the generated interfaces, the filters in the documented order of
 * precedence, the fault mappers, and the control API. Before any of it, the edge ({@link io.hakit.server.edge.HttpEdge})
 * has refused what cannot be read (400) and made the path canonical. Then: authentication and tenancy (401, 403),
 * rate limits and body size (413), a Content-Type that is not one media type (400), routing (404, 405, 415),
 * OPTIONS (405; a HEAD arrives as its GET), the access guard on the matched route, the API version (404), the media
 * type and content coding (415), validation against the document (400), injected faults.
 */
final class ApiApplication extends ResourceConfig {

    private final Singletons singletons = new Singletons();

    /** @param ownNames the names the server was given for itself ({@link ControlApiSameOrigin}) */
    ApiApplication(HaService service, Views views, TokenRegistry tokens, EmulatorState emulator, BodyLimits bodyLimits,
            java.util.Set<String> ownNames) {
        register(singletons);
        register(singletons.injector());
        HaContract contract = HaContract.load();
        OperationNames operationNames = new OperationNames(contract);
        Scenarios scenarios = new Scenarios(contract);
        World world = service.world();

        // One instance each: the resources hold no request state, and a request need not build one.
        resource(new HaInstancesResource(service, views));
        resource(new HaAclsResource(service, views, emulator.aclEncoding()));
        resource(new HaActionsResource(service, views));
        resource(new BackupsResource(service, views));
        resource(new ReplicationResource(service, views));
        resource(new SupportingResources(service, views, tokens));
        resource(new DocumentsResource(views.links()::publicUrl));

        resource(new WorldResource(world, scenarios, emulator, tokens,
                new WorldValuesAsDocumented(contract.document())));
        resource(new ClockResource(world));
        resource(new FaultsResource(emulator.faults(), operationNames));
        resource(new FailoverResource(service));
        resource(new AccountsResource(service, tokens));
        resource(new AclEncodingResource(emulator.aclEncoding()));
        resource(new JournalResource(emulator.journal()));

        // The request filters in the order they run (each class says why it is there), as two Jersey filters.
        register(FilterSequence.beforeRouting(
                new AcceptJsonFilter(),
                new AuthenticationFilter(tokens),
                new ControlApiSameOrigin(ownNames),
                new RateLimitFilter(world, emulator.rateLimiter()),
                new BodyLimitFilter(bodyLimits),
                new ReadableContentType()), Priorities.AUTHENTICATION);
        register(FilterSequence.afterRouting(
                new DocumentedMethodsFilter(),
                new AccessGuard(operationNames),
                new ApiVersionFilter(),
                new JsonBodyFilter(),
                new RequestValidationFilter(new BuiltOnFirstUse<>(ContractValidators::strict),
                        new BuiltOnFirstUse<>(ContractValidators::control), operationNames,
                        SharedPathParameters.of(contract))), Priorities.AUTHENTICATION);
        // Last, and on its own: it needs the container's request injected, which Jersey does for what it registers.
        register(new FaultInjectionFilter(emulator.faults()), Priorities.USER);
        register(new JournalFilter(emulator.journal(), world.clock()));

        register(new StringParameters());
        register(new RoutingRoots("/_emulator", "/{version}/{accountId}/ha"));
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
        // Everything the application registers itself is above: Jersey need not look for features and providers it
        // would not use (JSON-B, JSON-P, MOXy, the XML and image providers) at every start (issue 12).
        property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        property(ServerProperties.JSON_BINDING_FEATURE_DISABLE, true);
        property(ServerProperties.JSON_PROCESSING_FEATURE_DISABLE, true);
        property(ServerProperties.MOXY_JSON_FEATURE_DISABLE, true);
        property(org.glassfish.jersey.CommonProperties.PROVIDER_DEFAULT_DISABLE, "ALL");
    }

    /**
     * A resource class served by one instance: registered as a class, so that Jersey reads its (inherited) @Path as a
     * resource's (an instance would draw Jersey's spurious "will be ignored" warning, jersey#3700), and bound to the
     * instance.
     */
    private <T> void resource(T instance) {
        register(instance.getClass());
        singletons.add(instance);
    }

    /**
     * Binds every resource class to its one instance (in one binder: Jersey keeps one component per class), and
     * injects the instances' @Context fields once the application starts, as Jersey does for registered instances.
     */
    private static final class Singletons extends AbstractBinder {
        private final List<Object> instances = new ArrayList<>();

        void add(Object instance) {
            instances.add(instance);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected void configure() {
            for (Object instance : instances) {
                bind(instance).to((Class) instance.getClass());
            }
        }

        ContainerLifecycleListener injector() {
            return new ContainerLifecycleListener() {
                @Override
                public void onStartup(Container container) {
                    instances.forEach(container.getApplicationHandler().getInjectionManager()::inject);
                }

                @Override
                public void onReload(Container container) {
                    // the application is never reloaded
                }

                @Override
                public void onShutdown(Container container) {
                    // nothing to release
                }
            };
        }
    }
}
