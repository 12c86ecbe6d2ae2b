package io.hakit.server.edge;

/**
 * Which requests run on the thread that read them (a selector thread, one per core) and which are handed to a worker.
 * The edge is a non-blocking handler ({@link EdgeHandler#getInvocationType}): nothing behind it waits on a client, so
 * Jetty runs it where the request was read, with no hand-over between threads (in the bench's mixes, about a sixth less
 * CPU per request: docs/benchmarks.md). While a request runs there, the other connections of that selector wait for
 * it, so what may compute long runs on a worker instead: a world moved by the control API (megabytes), the control
 * API as a whole (rare, and a reset builds a world), the pages for readers (built on first use, megabytes, the Swagger
 * UI's files read from the jar) and any body past {@link #MAX_INLINE_BODY_BYTES} (validated in proportion to its size).
 */
final class InlineWork {

    /** About 500 ACL addresses: validated in a few milliseconds. The documented examples are well under 1 KB. */
    static final int MAX_INLINE_BODY_BYTES = 16 * 1024;

    private InlineWork() {}

    /** @param path the request's canonical path ({@link RequestTarget}) */
    static boolean fits(String path, long bodyBytes) {
        return bodyBytes <= MAX_INLINE_BODY_BYTES && !forReadersOrControl(path);
    }

    private static boolean forReadersOrControl(String path) {
        return underRoot(path, "/_emulator") || underRoot(path, "/docs") || path.equals("/reference")
                || path.equals("/openapi.yaml");
    }

    private static boolean underRoot(String path, String root) {
        return path.startsWith(root) && (path.length() == root.length() || path.charAt(root.length()) == '/');
    }
}
