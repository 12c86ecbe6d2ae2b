package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.hakit.contract.api.ContractViolation;
import io.hakit.contract.api.RestHaApi;
import io.hakit.openapi.HaContract;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A redirect is an answer to judge, not one to follow: the document has no 3xx, and following it sent the token to
 * whatever origin the Location named (REST Assured follows redirects by default), while the report's repeat line
 * named the first URL.
 */
class RedirectedRequestTest {

    @Test
    void aRedirectIsJudgedAndTheTokenGoesNowhereElse() throws IOException {
        List<String> tokensElsewhere = new CopyOnWriteArrayList<>();
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", exchange -> {
            tokensElsewhere.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Auth-Token")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        HttpServer redirecting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        redirecting.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + elsewhere.getAddress().getPort()
                    + exchange.getRequestURI());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        elsewhere.start();
        redirecting.start();
        try {
            HaContract contract = HaContract.load();
            Conformance conformance = new Conformance(contract);
            GateConfig config = GateConfig.fromArguments(new String[] {"--baseUrl=http://127.0.0.1:"
                    + redirecting.getAddress().getPort(), "--accountId=1234", "--token=t0k3n-of-the-test"},
                    conformance.operations());
            RestHaApi api = new RestHaApi(config, RestHaApi.documentValidator(), contract, conformance);

            assertThatThrownBy(api::listGroups).isInstanceOf(ContractViolation.class);
            assertThat(tokensElsewhere).as("requests that reached the Location's origin").isEmpty();
            assertThat(conformance.failuresOf("listHaInstances")).extracting(Conformance.Failure::check)
                    .contains("status_code_conformance");
        } finally {
            redirecting.stop(0);
            elsewhere.stop(0);
        }
    }
}
