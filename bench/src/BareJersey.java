import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The benchmark's baseline: a bare Jersey endpoint on Jetty (the reference server's container), answering the paths
 * of both bench mixes (read: show, list, act; write: create, add an ACL, act, delete) with a fixed small JSON body or
 * none, and nothing else (no auth, no validation, no state). Usage: java BareJersey PORT.
 */
public final class BareJersey {

    private static final String BODY = "{\"ha_instance\":{\"id\":\"e7fdf90b-7140-4edb-b449-e093d55008fb\",\"state\":\"ACTIVE\"}}";

    @Path("/v1.0/{account}/ha")
    public static final class Endpoint {
        @GET
        @Produces("application/json")
        public String list() {
            return BODY;
        }

        @GET
        @Path("{id}")
        @Produces("application/json")
        public String show(@PathParam("id") String id) {
            return BODY;
        }

        @POST
        @Path("{id}/action")
        public Response act(String body) {
            return Response.accepted().build();
        }

        @POST
        @Produces("application/json")
        public Response create(String body) {
            return Response.accepted(BODY).build();
        }

        @POST
        @Path("{id}/acls")
        public Response addAcl(@PathParam("id") String id, String body) {
            return Response.ok().build();
        }

        @DELETE
        @Path("{id}")
        public Response delete(@PathParam("id") String id) {
            return Response.accepted().build();
        }
    }

    @Path("/")
    public static final class Root {
        @GET
        @Produces("application/json")
        public String versions() {
            return "{\"versions\":[]}";
        }
    }

    public static void main(String[] args) throws Exception {
        ResourceConfig config = new ResourceConfig(Endpoint.class, Root.class);
        JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:" + args[0] + "/"), config, true);
        System.out.println("bare Jersey listening on " + args[0]);
        Thread.currentThread().join();
    }
}
