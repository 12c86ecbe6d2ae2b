package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.contract.api.ContractViolation;
import io.hakit.contract.api.RestHaApi;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An answer with no end (chunked, a list that never closes) fails its request as too large once it passes the most
 * the gate reads, with either of the gate's clients: one of 6.5 GB ran the gate out of memory, with no verdict and
 * no reports, and under a smaller one it was charged as a connection closed early.
 */
class AnswerLimitTest {

    @Test
    void anEndlessAnswerFailsTheScenariosRequestAsTooLarge() throws Exception {
        try (ServerSocket server = endless()) {
            ScenarioClient client = ScenarioClient.at(server.getLocalPort(), "--requestTimeoutSeconds=60");

            assertThatThrownBy(client.api()::listGroups).isInstanceOf(ContractViolation.class);
            assertThat(client.conformance().failuresOf("listHaInstances")).singleElement().satisfies(failure -> {
                assertThat(failure.check()).isEqualTo("answer_size");
                assertThat(failure.message()).contains("longer than 16 MiB");
            });
        }
    }

    @Test
    void anEndlessAnswerFailsTheJdkClientsRequestAsTooLarge() throws Exception {
        try (ServerSocket server = endless()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            assertThatThrownBy(() -> Deadlines.send(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.getLocalPort() + "/")).build(), AnswerLimit.bytes(), Duration.ofSeconds(60)))
                    .isInstanceOf(AnswerLimit.TooLarge.class);
        }
    }

    /**
     * The scenarios' client asks for no content coding: REST Assured decodes gzip after the limit has counted the
     * coded bytes, so a small compressed answer could decode to gigabytes. (It asked for gzip and deflate.)
     */
    @Test
    void theScenariosClientAsksForNoContentCoding() throws Exception {
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer server = LoopbackHttp.serving(exchange -> {
            asked.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Encoding")));
            byte[] body = "{\"ha_instances\": []}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        try {
            ScenarioClient.at(server.getAddress().getPort()).api().listGroups();
            assertThat(asked).singleElement().satisfies(encoding -> assertThat(encoding).doesNotContain("gzip")
                    .doesNotContain("deflate"));
        } finally {
            server.stop(0);
        }
    }

    /** Answers every connection 200, chunked, "[0,0,0,..." until the client goes away. */
    private static ServerSocket endless() throws java.io.IOException {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread serving = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().read(new byte[8192]);
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n[0\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = (Integer.toHexString(65_536) + "\r\n" + ",0".repeat(32_768) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    while (true) {
                        out.write(chunk);
                    }
                } catch (java.io.IOException e) {
                    // the client went away: the next connection, if any
                }
            }
        });
        serving.setDaemon(true);
        serving.start();
        return server;
    }
}
