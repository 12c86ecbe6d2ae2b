package io.hakit.server.resources.views;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The bytes of the answers last rendered, each kept with the inputs it was rendered from: an answer is rendered
 * again only when its inputs differ, compared whole, so a kept answer cannot be stale. Reads of one group or one page
 * repeat far more often than they change, and rendering a group's tree and writing it is a read's largest part of
 * its own. Kept in a fixed number of slots, chosen by a hash of what is asked (a group's id, say): two answers in one
 * slot take turns, and the memory held stays bounded whatever the number of groups.
 */
final class RenderedAnswers {

    private static final int SLOTS = 256; // a power of two

    /** What a slot holds; the bytes are never changed once written, so one array serves many answers. */
    private record Rendered(Object inputs, byte[] json) {}

    private final AtomicReferenceArray<Rendered> slots = new AtomicReferenceArray<>(SLOTS);

    /** The JSON of {@code view}, which must render from {@code inputs} alone. */
    byte[] json(int hash, Object inputs, Supplier<JsonNode> view) {
        int slot = spread(hash) & (SLOTS - 1);
        Rendered kept = slots.get(slot);
        if (kept != null && kept.inputs().equals(inputs)) {
            return kept.json();
        }
        byte[] json = JsonBytes.of(view.get());
        slots.set(slot, new Rendered(inputs, json));
        return json;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
