package io.hakit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hakit.openapi.HaContract;
import io.hakit.openapi.browser.HeadlessChromium;
import io.hakit.openapi.browser.PageCheck;
import io.hakit.openapi.browser.PageCheck.Route;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages the reference server serves, in a real browser with the network off: Swagger UI at {@code /docs}
 * (typed without the slash, as the README gives it) shows every operation of the document and offers this server,
 * at its own port, first for "Try it out"; {@code /reference} shows the self-contained reference page. Neither
 * asks for anything but the server's own files (not even for what a page's own policy would refuse), and neither
 * shows an error in its console. Screenshots stay in target/screenshots/ for the reviewer.
 */
class DocsPagesBrowserTest {

    private static final Path WORK = Path.of("target/browser");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @BeforeAll
    static void chromiumIsThere() {
        if (System.getenv("HAKIT_REQUIRE_CHROMIUM") == null) {
            assumeTrue(HeadlessChromium.installed(), "no /usr/bin/chromium: apt-get install chromium (see .ci/run)");
        }
        assertThat(HeadlessChromium.installed()).as("Debian's chromium").isTrue();
    }

    @Test
    void swaggerUiAtDocsShowsEveryOperationAndOffersThisServerFirst() throws Exception {
        String origin = TestServer.server().baseUri().toString();
        List<String> texts = new ArrayList<>(List.of("Cloud Databases High Availability (HA) API"));
        for (HaContract.HttpOperation op : TestServer.CONTRACT.httpOperations()) {
            texts.add(op.node().path("summary").asText());
        }
        try (HeadlessChromium chromium = HeadlessChromium.start(WORK.resolve("docs"))) {
            PageCheck.Findings findings = PageCheck.check(chromium,
                    List.of(new Route("docs", origin + "/docs", null, texts)), origin, SCREENSHOTS.resolve("docs"));
            assertThat(findings.unreachable()).as("the page rendered").isEmpty();
            assertThat(findings.missing()).as("operations shown").isEmpty();
            assertThat(findings.foreignRequests()).as("requests beyond this server, blocked or not").isEmpty();
            assertThat(findings.consoleErrors()).as("errors in the page's console").isEmpty();
            String firstServer = chromium.evaluate("(document.querySelector('.servers select option') || {}).value").asText();
            assertThat(firstServer).as("the server Try it out uses").isEqualTo(TestServer.server().publicUrl());
            assertThat(chromium.evaluate("location.pathname").asText()).isEqualTo("/docs/");
        }
    }

    @Test
    void theReferencePageIsServedAndRendersWithoutANetwork() throws Exception {
        String origin = TestServer.server().baseUri().toString();
        String title = TestServer.CONTRACT.document().at("/info/title").asText();
        try (HeadlessChromium chromium = HeadlessChromium.start(WORK.resolve("reference"))) {
            PageCheck.Findings findings = PageCheck.check(chromium, List.of(new Route("reference", origin + "/reference",
                    null, List.of(title, "HA API", "Supporting reads", "What changed"))), origin,
                    SCREENSHOTS.resolve("reference"), Duration.ofSeconds(30));
            assertThat(findings.clean()).as("%s", findings).isTrue();
        }
    }
}
