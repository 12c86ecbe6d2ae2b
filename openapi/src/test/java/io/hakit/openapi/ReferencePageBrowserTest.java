package io.hakit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hakit.openapi.HaContract.DocumentedExchange;
import io.hakit.openapi.HaContract.HttpOperation;
import io.hakit.openapi.browser.HeadlessChromium;
import io.hakit.openapi.browser.PageCheck;
import io.hakit.openapi.browser.PageCheck.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference page in a real browser with the network off: headless Chromium from Debian opens
 * target/ha-api-reference.html from file://, follows the sidebar to every tag and every operation, and each must
 * show its operations by name (the six actions included) and every documented exchange, request and answer. The
 * page may ask for nothing but itself, not even for what its own policy would refuse, and its console shows no
 * error. Screenshots of every route stay in target/screenshots/reference for the
 * reviewer. Chromium comes from .ci/run (HAKIT_REQUIRE_CHROMIUM); elsewhere the test is skipped without it.
 */
class ReferencePageBrowserTest {

    private static final Path PAGE = KitPaths.OPENAPI.resolve("target/ha-api-reference.html");
    private static final Path WORK = KitPaths.OPENAPI.resolve("target/browser");
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @BeforeAll
    static void chromiumIsThere() {
        if (System.getenv("HAKIT_REQUIRE_CHROMIUM") == null) {
            assumeTrue(HeadlessChromium.installed(), "no /usr/bin/chromium: apt-get install chromium (see .ci/run)");
        }
        assertThat(HeadlessChromium.installed()).as("Debian's chromium").isTrue();
    }

    /** Every route of the reference, from the document: overview, tags, operations, the changelog. */
    static List<Route> routes(HaContract contract, String pageUrl) {
        JsonNode document = contract.document();
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("overview", pageUrl + "#/", null, List.of(document.at("/info/title").asText(),
                "HA API", "Supporting reads", "About this reference", "What changed")));
        for (JsonNode tag : document.path("tags")) {
            String slug = slug(tag.path("name").asText());
            routes.add(new Route("tag-" + slug, null, "a[href=\"#/" + slug + "\"]",
                    List.of(tag.path("description").asText())));
            for (HttpOperation op : contract.httpOperations()) {
                if (op.node().path("tags").get(0).asText().equals(tag.path("name").asText())) {
                    routes.add(operationRoute(contract, op, slug));
                }
            }
        }
        List<String> changes = new ArrayList<>(
                List.of("What this document changes in the API against the last released contract"));
        changedOperations().forEach(changes::add);
        routes.add(new Route("what-changed", null, "a[href=\"#/what-changed\"]", changes));
        return routes;
    }

    /** The operations the bundle changes against the baseline, as the changelog names them ("POST /path"). */
    private static List<String> changedOperations() {
        return BreakingChangeGateTest.compareWithBaseline(KitPaths.BUNDLE).getChangedOperations().stream()
                .map(op -> op.getHttpMethod() + " " + op.getPathUrl()).toList();
    }

    private static Route operationRoute(HaContract contract, HttpOperation op, String tagSlug) {
        List<String> texts = new ArrayList<>();
        List<DocumentedExchange> exchanges = contract.documentedExchanges().stream()
                .filter(e -> e.carrier().operationId().equals(op.operationId())).toList();
        texts.add(exchanges.get(0).method() + " " + exchanges.get(0).path() + " HTTP/1.1"); // only on this route
        texts.add(op.node().path("summary").asText());
        contract.namedOperations().stream().filter(n -> n.carrier().operationId().equals(op.operationId()))
                .forEach(n -> texts.add(n.name()));
        for (DocumentedExchange exchange : exchanges) {
            texts.add(exchange.name());
            texts.add(exchange.method() + " " + exchange.path() + " HTTP/1.1");
            exchange.headers().forEach((name, value) -> texts.add(name + ": " + value));
            exchange.requestBody().ifPresent(body -> texts.add(pretty(body)));
            exchange.responseBody().ifPresent(body -> texts.add(pretty(body)));
            texts.add("Answer: " + exchange.status());
        }
        return new Route(op.operationId(), null,
                "a[href=\"#/" + tagSlug + "/" + op.operationId().toLowerCase(Locale.ROOT) + "\"]", texts);
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String pretty(JsonNode body) {
        try {
            return PRETTY.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static PageCheck.Findings check(Path page, String screenshots, java.time.Duration routeBound) throws Exception {
        return check(page, screenshots, routeBound, Integer.MAX_VALUE);
    }

    /** As above, the first {@code routes} routes only. */
    static PageCheck.Findings check(Path page, String screenshots, java.time.Duration routeBound, int routes)
            throws Exception {
        String url = page.toUri().toString();
        List<Route> all = routes(HaContract.load(KitPaths.BUNDLE), url);
        try (HeadlessChromium chromium = HeadlessChromium.start(WORK.resolve(screenshots))) {
            return PageCheck.check(chromium, all.subList(0, Math.min(routes, all.size())), "file:",
                    KitPaths.OPENAPI.resolve("target/screenshots").resolve(screenshots), routeBound);
        }
    }

    @Test
    void everyOperationActionAndDocumentedExchangeIsOnThePageWithTheNetworkOff() throws Exception {
        PageCheck.Findings findings = check(PAGE, "reference", java.time.Duration.ofSeconds(30));
        assertThat(findings.unreachable()).as("routes not reached").isEmpty();
        assertThat(findings.missing()).as("texts not shown").isEmpty();
        assertThat(findings.foreignRequests()).as("requests beyond the page itself, blocked or not").isEmpty();
        assertThat(findings.consoleErrors()).as("errors in the page's console").isEmpty();
        assertThat(routes(HaContract.load(KitPaths.BUNDLE), "")).hasSize(1 + 9 + 25 + 1);
    }

    @Test
    void aRemoteImageThatThePagesOwnPolicyBlocksIsStillCaught() throws Exception {
        // Redoc 3.0.1's sidebar badge as it was: an image from a CDN, which the page's policy refuses to fetch. The
        // page renders, but the badge is a broken image and the console shows the refusal on every route.
        String page = Files.readString(PAGE).replaceFirst("<body>",
                "<body>\n<img alt=\"redocly logo\" src=\"https://cdn.redoc.ly/redoc/logo-mini-full.svg\">");
        Path broken = KitPaths.FIXTURES.resolve("remote-badge-reference.html");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, page);
        PageCheck.Findings findings = check(broken, "remote-badge-reference", java.time.Duration.ofSeconds(30), 1);
        assertThat(findings.unreachable()).as("the page itself renders").isEmpty();
        assertThat(findings.foreignRequests()).containsExactly(
                "https://cdn.redoc.ly/redoc/logo-mini-full.svg (blocked by the browser: csp)");
        assertThat(findings.consoleErrors()).anySatisfy(error -> assertThat(error)
                .contains("https://cdn.redoc.ly/redoc/logo-mini-full.svg").contains("Content Security Policy"));
        assertThat(findings.clean()).isFalse();
    }

    @Test
    void theChangelogIsOneSectionWithNoSidebarEntriesOfItsOwn() throws Exception {
        // Redoc makes every heading of a section's Markdown a sidebar entry and a section: openapi-diff's headings
        // were the API's title, "What's Changed", "POST", "Request:", "Result", each an empty or a one-line section.
        try (HeadlessChromium chromium = HeadlessChromium.start(WORK.resolve("what-changed"))) {
            chromium.navigate(PAGE.toUri() + "#/what-changed");
            assertThat(chromium.waitFor("document.getElementById('what-changed')", java.time.Duration.ofSeconds(30)))
                    .as("the What changed section").isTrue();
            assertThat(chromium.evaluate("Array.from(document.querySelectorAll('a[href^=\"#/what-changed/\"],"
                    + " [data-section-id^=\"/what-changed/\"]')).map(e => e.getAttribute('href')"
                    + " || e.getAttribute('data-section-id'))").toString())
                    .as("sidebar entries and sections inside What changed").isEqualTo("[]");
            String section = chromium.evaluate("document.getElementById('what-changed').textContent"
                    + ".replace(/\\s+/g, ' ')").asText();
            assertThat(section).contains(changedOperations());
        }
    }

    /**
     * The marks that "Where this comes from" shows: as {@link ReaderNotes} walks the document, every x-provenance
     * outside examples and outside extensions (x-catalog's mark names K28, but no renderer shows an extension).
     */
    private static void shownKitMarks(JsonNode node, java.util.Set<String> marks) {
        if (node.isObject()) {
            JsonNode provenance = node.path("x-provenance");
            (provenance.isArray() ? provenance : PRETTY.createArrayNode().add(provenance)).forEach(mark -> {
                if (mark.has("kit")) {
                    marks.add(mark.get("kit").asText());
                }
            });
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().startsWith("x-") && !field.getKey().equals("examples")
                        && !field.getKey().equals("example")) {
                    shownKitMarks(field.getValue(), marks);
                }
            });
        } else {
            node.forEach(child -> shownKitMarks(child, marks));
        }
    }

    /**
     * A decision's text as the page must show it: the runs of the docs' Markdown between its marks (emphasis, code),
     * each of which the rendered section must hold.
     */
    private static List<String> shownRuns(KitDecisions.Decision decision) {
        return java.util.Arrays.stream(decision.text().split("[`*]+")).map(run -> run.replaceAll("\\s+", " ").strip())
                .filter(run -> !run.isBlank()).toList();
    }

    /** A JavaScript condition: the section of {@code route} (#/...) shows every run of the decision's text. */
    private static String sectionShows(String route, KitDecisions.Decision decision) throws Exception {
        String section = "document.querySelector('[data-section-id=\"" + route.substring(1) + "\"]')";
        return "(() => { const s = " + section + "; if (!s) { return false; }"
                + " const text = s.textContent.replace(/\\s+/g, ' ');"
                + " return " + PRETTY.writeValueAsString(shownRuns(decision)) + ".every(r => text.includes(r)); })()";
    }

    @Test
    void everyDecisionOfTheDocsIsOnThePageAndEveryMarkLinksToIt() throws Exception {
        // "Where this comes from" named "K9, docs/fidelity.md" and "discrepancy 1, docs/seed-discrepancies.md",
        // files a reader of the page does not have: the page carries their text, and each mark is a link to it.
        HaContract contract = HaContract.load(KitPaths.BUNDLE);
        KitDecisions decisions = KitDecisions.read(KitPaths.ROOT.resolve("docs"));
        List<String> marks = ReferencePage.kitMarks(contract.document());
        java.util.Set<String> shown = new java.util.TreeSet<>(KitDecisions::compare);
        shownKitMarks(contract.document(), shown);
        assertThat(shown).contains("K9", "K12", "discrepancy 1", "discrepancy 21");
        assertThat(marks).containsAll(shown);
        // The document the page renders links each mark that "Where this comes from" shows.
        String html = Files.readString(PAGE);
        String marker = "<script type=\"application/json\" id=\"ha-api-document\">";
        String pageDocument = html.substring(html.indexOf(marker) + marker.length(), html.indexOf("</script>",
                html.indexOf(marker)));
        List<String> descriptions = new ArrayList<>();
        PRETTY.readTree(pageDocument).findValues("description").forEach(d -> descriptions.add(d.asText()));
        java.util.Map<String, String> routeOf = new java.util.LinkedHashMap<>();
        shown.forEach(mark -> routeOf.put(ReferencePage.decisionRoute(decisions.get(mark)), mark));
        // a description may name any decision of the docs in the same form, and gets the same link
        java.util.Map<String, String> anyRoute = new java.util.LinkedHashMap<>();
        decisions.marks().forEach(mark -> anyRoute.put(ReferencePage.decisionRoute(decisions.get(mark)), mark));
        assertThat(routeOf).as("marks and the routes of their decisions").allSatisfy((route, mark) ->
                assertThat(descriptions).as(mark).anySatisfy(d -> assertThat(d).contains("[" + mark + "](" + route + ")")));
        java.time.Duration bound = java.time.Duration.ofSeconds(30);
        try (HeadlessChromium chromium = HeadlessChromium.start(WORK.resolve("decisions"))) {
            List<String> notShown = new ArrayList<>();
            assertThat(decisions.marks()).as("the docs' decisions, every one on the page").containsAll(marks)
                    .contains("K33", "discrepancy 38");
            for (String mark : decisions.marks()) {
                String route = ReferencePage.decisionRoute(decisions.get(mark));
                chromium.navigate(PAGE.toUri() + route);
                if (!chromium.waitFor(sectionShows(route, decisions.get(mark)), bound)) {
                    notShown.add(mark + " at " + route);
                }
            }
            assertThat(notShown).as("decisions whose text the page does not show at their route").isEmpty();
            // Every link from a "Where this comes from" that a route of the document shows, clicked where it is.
            String links = "Array.from(document.querySelectorAll('[data-component-name=\"Markdown/Markdown\"]"
                    + " a[href^=\"#/decisions-of-the-kit/\"], [data-component-name=\"Markdown/Markdown\"]"
                    + " a[href^=\"#/seed-discrepancies/\"]')).map(a => a.getAttribute('href'))";
            java.util.Map<String, String> linkedFrom = new java.util.LinkedHashMap<>();
            List<String> unresolved = new ArrayList<>();
            for (Route route : routes(contract, "")) {
                String hash = route.url() != null ? route.url() : route.link().replaceAll(".*href=\"([^\"]+)\".*", "$1");
                String routeShown = "document.querySelector('[data-section-id=\"" + hash.substring(1) + "\"]')";
                chromium.navigate(PAGE.toUri() + hash);
                chromium.waitFor(routeShown, bound);
                // Redoc also renders the neighbouring routes, whose links are not the route's own.
                for (JsonNode href : chromium.evaluate(links.replace("document.querySelectorAll(", routeShown
                        + ".querySelectorAll("))) {
                    String link = href.asText();
                    if (linkedFrom.putIfAbsent(link, hash) != null || !anyRoute.containsKey(link)) {
                        continue;
                    }
                    String anchor = routeShown + ".querySelector('[data-component-name=\"Markdown/Markdown\"] a[href=\""
                            + link + "\"]')";
                    chromium.evaluate("(() => { const a = " + anchor + "; if (a) { a.click(); } return true; })()");
                    if (!chromium.waitFor("location.hash === '" + link + "' && "
                            + sectionShows(link, decisions.get(anyRoute.get(link))), bound)) {
                        unresolved.add(link + " from " + hash);
                    }
                    chromium.navigate(PAGE.toUri() + hash);
                    chromium.waitFor(routeShown, bound);
                }
            }
            // Those in a response or a schema that the reader expands are not in the page until then.
            assertThat(anyRoute.keySet()).as("links to the decisions, on the page").containsAll(linkedFrom.keySet());
            assertThat(linkedFrom).as("links shown without expanding anything").hasSizeGreaterThan(routeOf.size() / 2);
            assertThat(unresolved).as("links that do not lead to their decision's text").isEmpty();
            assertThat(chromium.requestedUrls()).as("requests beyond the page itself").allSatisfy(url ->
                    assertThat(url).matches("(file|data|blob|about):.*"));
            assertThat(chromium.consoleErrors()).as("errors in the page's console").isEmpty();
        }
    }

    /** Opens Redoc's search (Ctrl+K), types a name, and says whether a result leads to {@code route}. */
    private static boolean searchFinds(HeadlessChromium chromium, String name, String route) {
        String input = "document.querySelector('input[placeholder=\"Search docs...\"]')";
        chromium.evaluate("(() => { const i = " + input + "; i.focus(); i.select(); return true; })()");
        chromium.type(name);
        String results = "(() => { const i = " + input + "; let box = i.parentElement;"
                + " while (box && !box.querySelector('a[href]')) { box = box.parentElement; }"
                + " return box ? Array.from(box.querySelectorAll('a[href=\"" + route + "\"]'))"
                + ".some(a => a.textContent.includes('" + name + "')) : false; })()";
        return chromium.waitFor(results, java.time.Duration.ofSeconds(10));
    }

    @Test
    void everyActionAndConfigurationChangeIsFoundByItsNameInTheSearch() throws Exception {
        HaContract contract = HaContract.load(KitPaths.BUNDLE);
        try (HeadlessChromium chromium = HeadlessChromium.start(WORK.resolve("search"))) {
            chromium.navigate(PAGE.toUri() + "#/");
            assertThat(chromium.waitFor("document.querySelector('[data-testid=\"search-trigger\"]')",
                    java.time.Duration.ofSeconds(30))).as("Redoc's search").isTrue();
            chromium.evaluate("document.querySelector('[data-testid=\"search-trigger\"]').click()");
            List<String> notFound = new ArrayList<>();
            // The operations that share an HTTP operation (the six actions, attach and detach) have no entry of
            // their own in the navigation: each must be found by its name.
            List<HaContract.NamedOperation> shared = contract.namedOperations().stream()
                    .filter(op -> op.carrier().node().path("x-operations").size() > 1).toList();
            assertThat(shared).hasSize(8);
            for (HaContract.NamedOperation op : shared) {
                String tag = slug(op.carrier().node().path("tags").get(0).asText());
                String route = "#/" + tag + "/" + op.carrier().operationId().toLowerCase(Locale.ROOT);
                if (!searchFinds(chromium, op.name(), route)) {
                    notFound.add(op.name());
                }
            }
            assertThat(notFound).as("named operations the search does not find").isEmpty();
            assertThat(searchFinds(chromium, "noSuchOperation", "#/ha-actions/actonhainstance"))
                    .as("a name the document does not hold").isFalse();
            chromium.screenshot(KitPaths.OPENAPI.resolve("target/screenshots/reference/search-noSuchOperation.png"));
            assertThat(searchFinds(chromium, "resizeFlavor", "#/ha-actions/actonhainstance")).isTrue();
            chromium.screenshot(KitPaths.OPENAPI.resolve("target/screenshots/reference/search-resizeFlavor.png"));
        }
    }

    @Test
    void aPageThatLoadsItsRendererFromTheNetworkShowsNothingAndIsCaught() throws Exception {
        // The page as it was: the renderer from a CDN, and no policy that keeps the page off the network.
        String cdnPage = Files.readString(PAGE).replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
                .replaceFirst("(?s)<script type=\"module\">.*</script>",
                "<script type=\"module\" src=\"https://cdn.redoc.ly/redoc/v3.0.1/bundles/redoc.standalone.js\"></script>");
        Path broken = KitPaths.FIXTURES.resolve("cdn-reference.html");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, cdnPage);
        // Offline, nothing renders whatever the wait: a short bound keeps the test short.
        PageCheck.Findings findings = check(broken, "cdn-reference", java.time.Duration.ofSeconds(8));
        assertThat(findings.clean()).isFalse();
        assertThat(findings.foreignRequests()).anySatisfy(url -> assertThat(url).startsWith("https://cdn.redoc.ly/"));
        assertThat(findings.unreachable()).isNotEmpty();
    }
}
