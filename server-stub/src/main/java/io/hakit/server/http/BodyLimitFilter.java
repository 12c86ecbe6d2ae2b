package io.hakit.server.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Bodies larger than the limit ({@link BodyLimits}) answer 413 overLimit (without Retry-After: it is not a rate
 * limit). A declared
 * length is refused before a byte is read; a chunked body is cut off as soon as it passes the limit, so that no
 * body can fill the server's memory.
 */
public final class BodyLimitFilter implements ContainerRequestFilter {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final BodyLimits limits;

    public BodyLimitFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = Paths.of(request);
        long maxBytes = limits.maxBytes(path);
        String length = request.getHeaderString("Content-Length"); // a long: JAX-RS's int getLength() overflows
        if (length != null && !DIGITS.matcher(length).matches()) {
            request.abortWith(ErrorBodies.response(path, 400, "Content-Length '" + length + "' is not a length."));
            return;
        }
        if (length != null && Long.parseLong(length) > maxBytes) {
            request.abortWith(tooLarge(path, maxBytes));
            return;
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), path, maxBytes));
    }

    private static jakarta.ws.rs.core.Response tooLarge(String path, long maxBytes) {
        return ErrorBodies.response(path, 413, "The request body is larger than " + maxBytes + " bytes.");
    }

    /** Thrown while reading a body that passes the limit. */
    public static final class TooLargeException extends WebApplicationException {
        TooLargeException(String path, long maxBytes) {
            super(tooLarge(path, maxBytes));
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final String path;
        private final long limit;
        private long remaining;

        Bounded(InputStream in, String path, long limit) {
            super(in);
            this.path = path;
            this.limit = limit;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --remaining < 0) {
                throw new TooLargeException(path, limit);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                remaining -= n;
                if (remaining < 0) {
                    throw new TooLargeException(path, limit);
                }
            }
            return n;
        }
    }
}
