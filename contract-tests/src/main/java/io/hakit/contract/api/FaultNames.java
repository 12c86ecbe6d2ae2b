package io.hakit.contract.api;

import io.hakit.openapi.HaContract;
import java.util.Map;

/** The fault name each error status must carry, as the document's Fault schemas say it. */
final class FaultNames {

    private static final Map<Integer, String> NAMES = HaContract.load().faultNames();

    private FaultNames() {}

    static Map<Integer, String> all() {
        return NAMES;
    }

    static String of(int status) {
        return NAMES.getOrDefault(status, "undocumented" + status);
    }
}
