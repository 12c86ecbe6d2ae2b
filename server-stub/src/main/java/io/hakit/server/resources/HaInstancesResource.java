package io.hakit.server.resources;

import io.hakit.server.api.HaInstancesApi;
import io.hakit.server.api.model.CreateHaInstanceRequest;
import io.hakit.server.api.model.UpdateHaInstanceRequest;
import io.hakit.server.domain.HaGroup;
import io.hakit.server.domain.HaService;
import io.hakit.server.resources.views.Views;
import io.hakit.server.resources.views.GroupDetails;
import io.hakit.server.resources.views.GroupPage;
import jakarta.ws.rs.core.Response;

public final class HaInstancesResource implements HaInstancesApi {

    private final HaService service;
    private final Views views;

    public HaInstancesResource(HaService service, Views views) {
        this.service = service;
        this.views = views;
    }

    @Override
    public Response createHaInstance(String version, String accountId, CreateHaInstanceRequest request) {
        HaGroup group = service.groups().create(accountId, RequestMapping.newGroup(request.getHa()));
        GroupDetails details = service.asLeft(accountId, account -> GroupDetails.of(account, group));
        return ApiResponses.rendered(202, views.newGroupDetails(details));
    }

    @Override
    public Response listHaInstances(String version, String accountId, Integer limit, String marker) {
        GroupPage page = service.read(accountId,
                account -> GroupPage.of(accountId, service.groups().list(accountId, marker, limit), limit));
        return ApiResponses.rendered(200, views.groupList(page));
    }

    @Override
    public Response showHaInstance(String version, String accountId, String haId) {
        GroupDetails details = service.read(accountId,
                account -> GroupDetails.of(account, service.groups().show(accountId, haId)));
        return ApiResponses.rendered(200, views.groupDetails(details));
    }

    @Override
    public Response deleteHaInstance(String version, String accountId, String haId) {
        service.groups().delete(accountId, haId);
        return ApiResponses.empty(202);
    }

    /** An empty configuration id detaches (detachConfiguration); any other attaches (attachConfiguration). */
    @Override
    public Response updateHaInstance(String version, String accountId, String haId, UpdateHaInstanceRequest request) {
        String configuration = request.getHaInstance().getConfiguration();
        if (configuration.isEmpty()) {
            service.configurations().detach(accountId, haId);
        } else {
            service.configurations().attach(accountId, haId, configuration);
        }
        return ApiResponses.empty(202);
    }
}
