package io.hakit.server.resources;

import io.hakit.server.api.HaAclsApi;
import io.hakit.server.api.model.AclRequest;
import io.hakit.server.domain.HaService;
import io.hakit.server.resources.views.Views;
import jakarta.ws.rs.core.Response;

public final class HaAclsResource implements HaAclsApi {

    private final HaService service;
    private final Views views;
    private final AclEncoding encoding;

    public HaAclsResource(HaService service, Views views, AclEncoding encoding) {
        this.service = service;
        this.views = views;
        this.encoding = encoding;
    }

    @Override
    public Response addHaAcl(String version, String accountId, String haId, AclRequest request) {
        service.acls().add(accountId, haId, request.getAddress());
        return ApiResponses.empty(200);
    }

    @Override
    public Response listHaAcls(String version, String accountId, String haId) {
        return ApiResponses.ok(views.aclList(service.acls().list(accountId, haId)));
    }

    @Override
    public Response deleteHaAcl(String version, String accountId, String haId, String address) {
        service.acls().remove(accountId, haId, encoding.cidr(address));
        return ApiResponses.empty(202);
    }
}
