package io.hakit.server.emulator;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.server.domain.Echoes;
import io.hakit.server.domain.World;
import io.hakit.server.emulator.api.WorldApi;
import io.hakit.server.emulator.api.model.ResetRequest;
import io.hakit.server.emulator.api.model.WorldState;
import io.hakit.server.http.TokenRegistry;
import io.hakit.server.store.WorldFile;
import io.hakit.server.store.WorldFiles;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Reset, dump and load the world. */
public final class WorldResource implements WorldApi {

    private final World world;
    private final Scenarios scenarios;
    private final EmulatorState emulator;

    private final KnownAccounts accounts;
    private final WorldValuesAsDocumented documented;

    public WorldResource(World world, Scenarios scenarios, EmulatorState emulator, TokenRegistry tokens,
            WorldValuesAsDocumented documented) {
        this.world = world;
        this.scenarios = scenarios;
        this.emulator = emulator;
        this.accounts = new KnownAccounts(tokens, world);
        this.documented = documented;
    }

    @Override
    public Response resetWorld(ResetRequest request) {
        Optional<String> example = Optional.ofNullable(request.getExample());
        Optional<String> account = Optional.ofNullable(request.getAccount());
        if (example.isPresent() && !scenarios.knowsExample(example.get())) {
            return ControlResponses.problem(404, "No documented exchange is named " + Echoes.bounded(example.get()) + ".");
        }
        if (example.isPresent() && !Scenarios.DOCUMENTED.equals(request.getScenario().toString())) {
            return ControlResponses.problem(400, "An example names a documented exchange's world: it needs "
                    + "\"scenario\": \"documented\".");
        }
        if (example.isPresent() && account.isPresent() && !account.get().equals(Scenarios.EXAMPLES_ACCOUNT)) {
            return ControlResponses.problem(400, "The documented exchanges are account " + Scenarios.EXAMPLES_ACCOUNT
                    + "'s: an example's world is loaded for that account, or for the whole world.");
        }
        Optional<Response> unknown = account.flatMap(accounts::unknown);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        if (account.isEmpty()) {
            emulator.resetAll(); // a whole reset is a fresh server: clock, faults and limit windows too
        }
        world.locked(() -> scenarios.load(world, request.getScenario().toString(), example, account));
        return ControlResponses.json(200, summary());
    }

    @Override
    public Response dumpWorld(String account) {
        Optional<Response> unknown = Optional.ofNullable(account).flatMap(accounts::unknown);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        return ControlResponses.json(200, world.locked(() -> WorldFiles.dump(world, Optional.ofNullable(account))));
    }

    @Override
    public Response loadWorld(WorldState state, String account) {
        WorldFile file;
        try {
            file = Scenarios.JSON.convertValue(state, WorldFile.class);
            // An account neither known nor in the file is a typo, as for a reset: loading it would change nothing.
            Optional<Response> unknown = Optional.ofNullable(account).filter(id -> !file.holds(id))
                    .flatMap(accounts::unknown);
            if (unknown.isPresent()) {
                return unknown.get();
            }
            documented.check(file, Optional.ofNullable(account)); // before the world's lock: it reads the file alone
            world.locked(() -> WorldFiles.loadAllOrNothing(world, file, Optional.ofNullable(account)));
        } catch (IllegalArgumentException e) {
            return ControlResponses.problem(400, "Not a world: " + (e.getCause() instanceof JsonMappingException unread
                    ? unreadable(unread) : e.getMessage()));
        } catch (NullPointerException e) { // a field the world needs is missing; the JVM's message names our code
            return ControlResponses.problem(400, "Not a world: a field a group, instance, backup or configuration "
                    + "needs (an id, a datastore, a state) is missing or null.");
        }
        return ControlResponses.json(200, summary());
    }

    /**
     * A value the schema lets through that its field cannot take (a date that is none): where it is, in a client's
     * terms. Jackson's own message names Java types and the server's classes.
     */
    private static String unreadable(JsonMappingException unread) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : unread.getPath()) {
            pointer.append('/').append(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
        }
        return "the value at " + (pointer.length() == 0 ? "/" : pointer) + " cannot be read as its field's type"
                + " (a date-time is written as 2016-03-14T02:05:31Z).";
    }

    private ObjectNode summary() {
        return world.locked(() -> {
            ObjectNode summary = JsonNodeFactory.instance.objectNode();
            var accounts = summary.putArray("accounts");
            world.store().accounts().forEach(a -> accounts.addObject().put("id", a.id())
                    .put("haInstances", a.groups().size()).put("instances", a.instances().size())
                    .put("backups", a.backups().size()).put("configurations", a.configurations().size()));
            return summary;
        });
    }
}
