package io.hakit.server.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.server.domain.Durations;
import io.hakit.server.domain.Echoes;
import io.hakit.server.domain.World;
import io.hakit.server.emulator.api.ClockApi;
import io.hakit.server.emulator.api.model.ClockAdvance;
import io.hakit.server.emulator.api.model.ClockSetting;
import io.hakit.server.emulator.api.model.DurationsSetting;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The clock and the transition durations. */
public final class ClockResource implements ClockApi {

    private final World world;

    public ClockResource(World world) {
        this.world = world;
    }

    @Override
    public Response readClock() {
        return ControlResponses.json(200, clock());
    }

    @Override
    public Response setClock(ClockSetting setting) {
        if (setting.getFrozen()) {
            world.clock().freeze();
        } else {
            world.clock().unfreeze();
        }
        return ControlResponses.json(200, clock());
    }

    /** Moving the clock completes what falls due, in order, before the answer (the document bounds the step). */
    @Override
    public Response advanceClock(ClockAdvance advance) {
        world.clock().advance(Duration.ofNanos(advance.getSeconds().movePointRight(9).longValue()));
        world.locked(() -> { });
        return ControlResponses.json(200, clock());
    }

    @Override
    public Response readDurations() {
        return ControlResponses.json(200, durations());
    }

    /** All or nothing: every name is checked before anything changes (a refused request changes no duration). */
    @Override
    public Response setDurations(DurationsSetting setting) {
        Map<Durations.Kind, Duration> named = new EnumMap<>(Durations.Kind.class);
        for (Map.Entry<String, BigDecimal> entry : setting.getSeconds().entrySet()) {
            Durations.Kind kind = kindOf(entry.getKey());
            if (kind == null) {
                return ControlResponses.problem(400, "No transition is named " + Echoes.bounded(entry.getKey()) + "; see GET /_emulator/durations.");
            }
            named.put(kind, Duration.ofMillis(entry.getValue().movePointRight(3).longValue()));
        }
        Durations.Profile profile = setting.getProfile() == null ? null
                : Durations.Profile.valueOf(setting.getProfile().toString().toUpperCase(Locale.ROOT));
        world.durations().apply(profile, named);
        return ControlResponses.json(200, durations());
    }

    private ObjectNode clock() {
        ObjectNode clock = JsonNodeFactory.instance.objectNode();
        clock.put("now", world.clock().now().toString());
        clock.put("offsetSeconds", world.clock().offset().toMillis() / 1000.0);
        clock.put("frozen", world.clock().frozen());
        return clock;
    }

    private ObjectNode durations() {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        world.durations().all().forEach((kind, d) -> view.put(name(kind), d.toMillis() / 1000.0));
        return view;
    }

    /** BUILD -> build, ADD_REPLICA -> addReplica. */
    static String name(Durations.Kind kind) {
        String[] words = kind.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    private static Durations.Kind kindOf(String name) {
        for (Durations.Kind kind : Durations.Kind.values()) {
            if (name(kind).equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
