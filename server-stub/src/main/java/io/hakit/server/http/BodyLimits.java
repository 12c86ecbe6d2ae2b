package io.hakit.server.http;

/**
 * How large a request body may be: the API's limit (1 MiB by default), and the control API's, larger because a
 * whole world (10,000 groups is a few MB) is loaded through it. Read by the edge, which buffers at most one byte
 * more, and by {@link BodyLimitFilter}, which answers 413.
 */
public record BodyLimits(long apiMaxBytes) {

    static final long CONTROL_API_MAX_BYTES = 64L * 1024 * 1024;

    public long maxBytes(String path) {
        return path.startsWith("/_emulator") ? CONTROL_API_MAX_BYTES : apiMaxBytes;
    }
}
