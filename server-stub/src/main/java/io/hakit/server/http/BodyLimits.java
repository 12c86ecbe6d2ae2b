package io.hakit.server.http;

/**
 * How large a request body may be: the API's limit (1 MiB by default), and the control API's, larger because a
 * whole world is loaded through it. Read by the edge, which buffers at most one byte
 * more, and by {@link BodyLimitFilter}, which answers 413.
 */
public record BodyLimits(long apiMaxBytes) {

    /**
     * A world of 10,000 groups is 9.7 MB. Loading one takes several times its size while it is parsed and validated:
     * with 10,000 groups held, a 13 MB load passed and a 14 MB one ran the heap of the README's command out.
     */
    static final long CONTROL_API_MAX_BYTES = 12L * 1024 * 1024;

    public long maxBytes(String path) {
        return path.startsWith("/_emulator") ? CONTROL_API_MAX_BYTES : apiMaxBytes;
    }
}
