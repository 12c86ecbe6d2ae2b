package io.hakit.server.resources;

import io.hakit.server.api.ConfigurationsApi;
import io.hakit.server.api.FlavorsApi;
import io.hakit.server.api.InstancesApi;
import io.hakit.server.api.VersionsApi;
import io.hakit.server.domain.HaService;
import io.hakit.server.http.AuthenticationFilter;
import io.hakit.server.http.TokenRegistry;
import io.hakit.server.resources.views.Views;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * The read-only operations that make every link resolve: flavors, configuration groups, instances (in versioned and
 * bookmark form; a bookmark answers for the token's own account), and the version list at the root.
 */
public final class SupportingResources implements FlavorsApi, ConfigurationsApi, InstancesApi, VersionsApi {

    private final HaService service;
    private final Views views;
    private final TokenRegistry tokens;

    /** A proxy to the current request's headers (this resource is a singleton). */
    @Context
    private HttpHeaders headers;

    public SupportingResources(HaService service, Views views, TokenRegistry tokens) {
        this.service = service;
        this.views = views;
        this.tokens = tokens;
    }

    @Override
    public Response listFlavors(String version, String accountId, Integer limit, String marker) {
        return ApiResponses.ok(views.flavorList(accountId, service.world().catalog().flavors(marker, limit), limit));
    }

    @Override
    public Response showFlavor(String version, String accountId, String flavorId) {
        return ApiResponses.ok(views.flavor(accountId, service.world().catalog().flavorOrThrow(flavorId)));
    }

    @Override
    public Response showFlavorBookmark(String flavorId) {
        return showFlavor(null, tokenAccount(), flavorId);
    }

    @Override
    public Response listConfigurations(String version, String accountId, Integer limit, String marker) {
        return ApiResponses.ok(views.configurationList(accountId, service.configurations().list(accountId, marker, limit), limit));
    }

    @Override
    public Response showConfiguration(String version, String accountId, String configurationId) {
        return ApiResponses.ok(views.configuration(service.configurations().show(accountId, configurationId)));
    }

    @Override
    public Response showConfigurationBookmark(String configurationId) {
        return showConfiguration(null, tokenAccount(), configurationId);
    }

    @Override
    public Response showInstance(String version, String accountId, String instanceId) {
        return ApiResponses.ok(service.read(accountId,
                account -> views.instance(account, service.instances().show(accountId, instanceId))));
    }

    @Override
    public Response showInstanceBookmark(String instanceId) {
        return showInstance(null, tokenAccount(), instanceId);
    }

    @Override
    public Response listVersions() {
        return ApiResponses.ok(views.versions());
    }

    @Override
    public Response showVersion(String version) {
        return ApiResponses.ok(views.version());
    }

    /** The bookmark forms answer for the token's account (authentication has checked the token). */
    private String tokenAccount() {
        return tokens.account(headers.getHeaderString(AuthenticationFilter.TOKEN_HEADER)).orElseThrow();
    }
}
