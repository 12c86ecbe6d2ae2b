package io.hakit.contract.api;

import java.util.Map;

/** The fault name each error status must carry (the document's Fault schemas say the same). */
final class FaultNames {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(400, "badRequest"), Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"),
            Map.entry(404, "itemNotFound"), Map.entry(405, "badMethod"), Map.entry(413, "overLimit"),
            Map.entry(415, "badMediaType"), Map.entry(422, "unprocessableEntity"), Map.entry(500, "instanceFault"),
            Map.entry(501, "notImplemented"), Map.entry(503, "serviceUnavailable"));

    private FaultNames() {}

    static String of(int status) {
        return NAMES.getOrDefault(status, "undocumented" + status);
    }
}
