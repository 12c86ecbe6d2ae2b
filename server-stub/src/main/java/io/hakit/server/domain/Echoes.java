package io.hakit.server.domain;

/**
 * How much of a client's own value a message repeats: at most {@link #MAX_CHARS} characters, then an ellipsis. A
 * 120 KB value came back whole in a 720 KB 400; the value is not the client's to be told again, only which it was.
 */
public final class Echoes {

    public static final int MAX_CHARS = 64;

    private Echoes() {}

    /** The value, cut to {@link #MAX_CHARS} characters (code points, never half a pair); "" for none. */
    public static String bounded(String value) {
        if (value == null) {
            return "";
        }
        return value.codePointCount(0, value.length()) <= MAX_CHARS ? value
                : value.substring(0, value.offsetByCodePoints(0, MAX_CHARS - 1)) + "…";
    }
}
