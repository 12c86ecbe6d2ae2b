package io.hakit.server.edge;

import io.hakit.server.RawSockets;
import java.io.IOException;
import java.net.Socket;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Jetty the edge's tests talk to over raw sockets: one connector on a free loopback port, with one acceptor and
 * one selector, and the edge's error handler, so that a refusal looks as it does in the server.
 */
final class LoopbackJetty {

    private LoopbackJetty() {}

    /** Adds the connector to {@code server} (not started) and returns it, for a test to tune its socket options. */
    static ServerConnector connect(Server server) {
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setErrorHandler(new FaultErrorHandler());
        return connector;
    }

    static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    static Socket open(Server server) throws IOException {
        return RawSockets.connect("127.0.0.1", port(server));
    }
}
