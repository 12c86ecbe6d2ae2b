package io.hakit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The document and the reference page the server serves both name this server first among their servers, and not
 * the document's default address of a reference server (127.0.0.1:8080), which is another server's: the page said
 * "when the reference server serves this document it lists its own URL first" and listed 8080 on any port.
 */
class ServedDocumentsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PAGE_DOCUMENT = "<script type=\"application/json\" id=\"ha-api-document\">";

    @Test
    void theDocumentListsThisServerFirst() throws Exception {
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(get("/openapi.yaml"));
        assertListsThisServerFirst(document);
    }

    @Test
    void theReferencePageListsThisServerFirst() throws Exception {
        String page = get("/reference");
        int start = page.indexOf(PAGE_DOCUMENT) + PAGE_DOCUMENT.length();
        JsonNode document = new ObjectMapper().readTree(page.substring(start, page.indexOf("</script>", start)));
        assertListsThisServerFirst(document);
        assertThat(document.path("paths").size()).as("the rest of the document, as built").isGreaterThan(10);
        assertThat(page).contains("Content-Security-Policy").contains("init(JSON.parse(documentText)");
    }

    private static void assertListsThisServerFirst(JsonNode document) {
        List<String> urls = new ArrayList<>();
        document.path("servers").forEach(server -> urls.add(server.path("url").asText()));
        assertThat(urls).first().isEqualTo(TestServer.server().publicUrl());
        assertThat(urls).noneMatch(url -> url.startsWith("http://127.0.0.1:8080"));
        assertThat(document.path("servers").get(0).path("x-reference-server").asBoolean()).isTrue();
    }

    private static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(TestServer.server().baseUri().resolve(path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }
}
