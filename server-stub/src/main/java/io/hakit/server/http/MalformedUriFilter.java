package io.hakit.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Refuses request paths Grizzly cannot decode (a broken escape, or an escaped control character such as %00)
 * with the documented 400 Fault, before Grizzly would answer them with a bare 500. A Grizzly filter, since these
 * requests never reach Jersey.
 */
public final class MalformedUriFilter extends BaseFilter {

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)
                || isDecodable(request.getRequestURI())) {
            return ctx.getInvokeAction();
        }
        byte[] body = Faults.body(400, "The request path is not a valid URL path: it has a broken or control-character escape.", null)
                .toString().getBytes(StandardCharsets.UTF_8);
        HttpResponsePacket response = request.getResponse();
        response.setStatus(400);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getProcessingState().setKeepAlive(false);
        ctx.write(HttpContent.builder(response).content(Buffers.wrap(ctx.getMemoryManager(), body)).last(true).build());
        return ctx.getStopAction();
    }

    /** Every % starts two hex digits, and none of them escapes a control character. */
    static boolean isDecodable(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) != '%') {
                continue;
            }
            if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
                    || Character.digit(path.charAt(i + 2), 16) < 0) {
                return false;
            }
            int value = Integer.parseInt(path.substring(i + 1, i + 3), 16);
            if (value < 0x20 || value == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
