package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.hakit.contract.api.ContractViolation;
import io.hakit.contract.api.RestHaApi;
import java.io.IOException;
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
        HttpServer elsewhere = LoopbackHttp.serving(exchange -> {
            tokensElsewhere.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Auth-Token")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        HttpServer redirecting = LoopbackHttp.serving(exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + elsewhere.getAddress().getPort()
                    + exchange.getRequestURI());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        try {
            ScenarioClient client = ScenarioClient.at(redirecting.getAddress().getPort());

            assertThatThrownBy(client.api()::listGroups).isInstanceOf(ContractViolation.class);
            assertThat(tokensElsewhere).as("requests that reached the Location's origin").isEmpty();
            assertThat(client.conformance().failuresOf("listHaInstances")).extracting(Conformance.Failure::check)
                    .contains("status_code_conformance");
        } finally {
            redirecting.stop(0);
            elsewhere.stop(0);
        }
    }
}
