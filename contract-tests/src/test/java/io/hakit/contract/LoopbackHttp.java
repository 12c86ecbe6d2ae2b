package io.hakit.contract;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/** A JDK HttpServer on a free loopback port, every path answered by one handler: a test's own little target. */
final class LoopbackHttp {

    private LoopbackHttp() {}

    /** Started; stop it with {@code stop(0)}. */
    static HttpServer serving(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", handler);
        server.start();
        return server;
    }
}
