package io.hakit.server.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes every answer whole, with its Content-Length, rather than chunked: answers are small, clients and proxies
 * prefer a length, and it is what the service sends. (Jersey's own buffering is off in its Jetty container.)
 */
public final class ContentLengthInterceptor implements WriterInterceptor {

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (context.getHeaders().containsKey(HttpHeaders.CONTENT_LENGTH)) {
            context.proceed(); // written whole by whoever set it (ApiResponses)
            return;
        }
        OutputStream wire = context.getOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        context.setOutputStream(body);
        context.proceed();
        context.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, body.size());
        body.writeTo(wire);
        context.setOutputStream(wire);
    }
}
