package io.hakit.server.http;

import jakarta.ws.rs.core.Configuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * Gives each of a few path prefixes a routing root of its own, holding every method whose path starts with it.
 *
 * <p>Why: most generated interfaces declare {@code @Path("")}, so Jersey merges their methods into one root and,
 * for each request, tries the templates under it one by one, most literal characters first (the control API's
 * first), with a new regex {@code Matcher} for each. In the benchmark's read mix that matching was 5 % of the CPU
 * and 15 % of the allocation of a request; with the API's and the control API's templates under roots of their own,
 * 2.6 % and 4 % (issue 12, docs/benchmarks.md).
 *
 * <p>Which prefixes: Jersey picks the first root whose pattern matches and never comes back to try another, so a
 * prefix may only take paths that nothing outside it could match. A prefix ending in a literal segment is safe when
 * every template that could match the same paths moves with it, and when roots that sort before it cannot capture
 * its paths. {@code /{version}/{accountId}/ha} qualifies: its third segment is the literal {@code ha}, and the one
 * other family that admits any third segment, the control API's {@code /_emulator/accounts/{accountId}/...}, is
 * hoisted too, into {@code /_emulator}, which sorts first (more literal characters) and so keeps an account called
 * {@code ha} reaching the control API. The other families ({@code /{version}/{accountId}/backups}, {@code .../flavors},
 * ...) are left where they are: their roots would sort before {@code /_emulator} and take an account named
 * {@code backups}.
 *
 * <p>Side effect, intended: within one root, Jersey goes on to the next template that takes the request's method,
 * so a DELETE of {@code /_emulator/accounts/ha/limits} used to reach the API's
 * {@code DELETE /{version}/{accountId}/ha/{haId}} and answer its 401 or version Fault; it is now the control API's
 * 405, and {@code /_emulator/x/ha} the control API's 404.
 */
public final class RoutingRoots implements ModelProcessor {

    private final List<String> prefixes;

    /** @param prefixes path templates, each with its leading slash and without a trailing one */
    public RoutingRoots(String... prefixes) {
        this.prefixes = List.of(prefixes);
    }

    @Override
    public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
        if (hasLocator(model.getRootResources())) {
            return model; // sub-resource locators route by their own rules: leave such a model as Jersey built it
        }
        Map<String, Root> hoisted = new LinkedHashMap<>();
        prefixes.forEach(prefix -> hoisted.put(prefix, new Root(prefix)));
        List<Resource> kept = new ArrayList<>();
        for (Resource root : model.getRootResources()) {
            String rootPath = normalised(root.getPath());
            Root target = rootFor(hoisted, rootPath);
            if (target != null) {
                target.take(rootPath, root);
            } else {
                whatStays(root, rootPath, hoisted).ifPresent(kept::add);
            }
        }
        ResourceModel.Builder result = new ResourceModel.Builder(false);
        kept.forEach(result::addResource);
        hoisted.values().stream().filter(Root::holdsAny).map(Root::build).forEach(result::addResource);
        return result.build();
    }

    /** The root without the children that move to a hoisted root (handing those over); empty if nothing stays. */
    private static Optional<Resource> whatStays(Resource root, String rootPath, Map<String, Root> hoisted) {
        boolean movesAny = root.getChildResources().stream()
                .anyMatch(child -> rootFor(hoisted, rootPath + normalised(child.getPath())) != null);
        if (!movesAny) {
            return Optional.of(root);
        }
        Resource.Builder rest = Resource.builder(root.getPath());
        root.getResourceMethods().forEach(rest::addMethod);
        boolean keptAny = !root.getResourceMethods().isEmpty();
        for (Resource child : root.getChildResources()) {
            String path = rootPath + normalised(child.getPath());
            Root target = rootFor(hoisted, path);
            if (target != null) {
                target.take(path, child);
            } else {
                rest.addChildResource(child);
                keptAny = true;
            }
        }
        return keptAny ? Optional.of(rest.build()) : Optional.empty();
    }

    @Override
    public ResourceModel processSubResource(ResourceModel subResourceModel, Configuration configuration) {
        return subResourceModel;
    }

    private static Root rootFor(Map<String, Root> hoisted, String path) {
        for (Root root : hoisted.values()) {
            if (root.covers(path)) {
                return root;
            }
        }
        return null;
    }

    private static boolean hasLocator(List<Resource> resources) {
        return resources.stream().anyMatch(r -> r.getResourceLocator() != null || hasLocator(r.getChildResources()));
    }

    /** "" for the root path; otherwise with a leading slash and without a trailing one. */
    private static String normalised(String path) {
        String p = path == null ? "" : path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() || p.startsWith("/") ? p : "/" + p;
    }

    /** One hoisted root being gathered: its own methods, and its children by path relative to it. */
    private static final class Root {
        private final String prefix;
        private final List<ResourceMethod> own = new ArrayList<>();
        private final Map<String, List<ResourceMethod>> children = new LinkedHashMap<>();

        Root(String prefix) {
            this.prefix = prefix;
        }

        boolean covers(String path) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }

        /** Takes a resource found at the full path {@code path}, and its children. */
        void take(String path, Resource resource) {
            String relative = path.substring(prefix.length());
            (relative.isEmpty() ? own : children.computeIfAbsent(relative, p -> new ArrayList<>()))
                    .addAll(resource.getResourceMethods());
            for (Resource child : resource.getChildResources()) {
                take(path + normalised(child.getPath()), child);
            }
        }

        boolean holdsAny() {
            return !own.isEmpty() || !children.isEmpty();
        }

        Resource build() {
            Resource.Builder root = Resource.builder(prefix);
            own.forEach(root::addMethod);
            children.forEach((path, methods) -> {
                Resource.Builder child = root.addChildResource(path);
                methods.forEach(child::addMethod);
            });
            return root.build();
        }
    }
}
