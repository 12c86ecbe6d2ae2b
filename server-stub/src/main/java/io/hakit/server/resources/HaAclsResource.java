package io.hakit.server.resources;

import io.hakit.server.api.HaAclsApi;
import io.hakit.server.api.model.AclRequest;
import io.hakit.server.domain.DomainException;
import io.hakit.server.domain.HaService;
import io.hakit.server.resources.views.Views;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

public final class HaAclsResource implements HaAclsApi {

    /** Enough rounds for the documented triple encoding (%25252F) and no more: a path can't loop us. */
    private static final int MAX_DECODING_ROUNDS = 4;

    private final HaService service;
    private final Views views;

    public HaAclsResource(HaService service, Views views) {
        this.service = service;
        this.views = views;
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
        service.acls().remove(accountId, haId, cidr(address));
        return ApiResponses.empty(202);
    }

    /**
     * The path's address after JAX-RS's own decoding: the documented {@code 1.2.3.4%25252F32} arrives as
     * {@code 1.2.3.4%252F32}. Decoding until no escape is left accepts the once-, twice- and thrice-encoded forms.
     */
    static String cidr(String address) {
        String decoded = address;
        for (int round = 0; round < MAX_DECODING_ROUNDS && decoded.contains("%"); round++) {
            try {
                decoded = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw DomainException.badRequest("The ACL address '" + address + "' is not a well-formed escape.");
            }
        }
        return decoded;
    }
}
