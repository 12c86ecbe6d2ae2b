package io.hakit.openapi.browser;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a rendered page the way a reviewer reads it: each of its routes is reached the way a reader reaches it
 * (the link that leads there is clicked, or the URL is opened), and must show every text expected there. The
 * page must have asked for nothing but its own files (a request its own policy refused counts: the page still
 * asked, and what it asked for is missing), and its console must show no error. Any page can be described so: the
 * Redoc reference is one page of many hash routes, Swagger UI's /docs would be one route with everything expanded.
 */
public final class PageCheck {

    /**
     * One place of a page.
     *
     * @param name for reports and the screenshot's file name
     * @param link a CSS selector of the link a reader clicks to get there from the previous route, or null to open
     *     {@code url} directly
     * @param texts what the route must show (compared with whitespace collapsed)
     */
    public record Route(String name, String url, String link, List<String> texts) {}

    /**
     * What went wrong: routes not reached, texts not shown, requests beyond the page's own files (sent or blocked by
     * the browser, as "URL (blocked by the browser: REASON)"), errors in the page's console.
     */
    public record Findings(List<String> unreachable, List<String> missing, List<String> foreignRequests,
            List<String> consoleErrors) {
        public boolean clean() {
            return unreachable.isEmpty() && missing.isEmpty() && foreignRequests.isEmpty() && consoleErrors.isEmpty();
        }
    }

    private static final Duration ROUTE_BOUND = Duration.ofSeconds(30);

    private PageCheck() {}

    /**
     * Visits the routes in order, each checked once its first expected text is shown; a screenshot of each goes to
     * {@code screenshots}. {@code ownOrigin} is what a request may start with (besides data:, blob: and about:).
     */
    public static Findings check(HeadlessChromium chromium, List<Route> routes, String ownOrigin, Path screenshots)
            throws IOException {
        return check(chromium, routes, ownOrigin, screenshots, ROUTE_BOUND);
    }

    /** As above, with the longest a route may take to show itself. */
    public static Findings check(HeadlessChromium chromium, List<Route> routes, String ownOrigin, Path screenshots,
            Duration routeBound) throws IOException {
        List<String> unreachable = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Route route : routes) {
            if (route.link() == null) {
                chromium.navigate(route.url());
            } else if (!chromium.waitFor("document.querySelector(" + js(route.link()) + ")", routeBound)) {
                unreachable.add(route.name() + ": no link " + route.link());
                continue;
            } else {
                chromium.evaluate("document.querySelector(" + js(route.link()) + ").click()");
            }
            String first = route.texts().get(0);
            if (!chromium.waitFor("document.body && " + normalisedBody() + ".includes(" + js(normalise(first)) + ")",
                    routeBound)) {
                unreachable.add(route.name() + ": never showed \"" + first + "\"");
                chromium.screenshot(screenshots.resolve(route.name() + ".png"));
                if (route.link() == null) {
                    break; // the page itself did not render: every route after it would wait in vain
                }
                continue;
            }
            // The renderer may fill a route in parts (Redoc renders sections as they come into view): wait for
            // everything, bounded, then report what is still not there.
            chromium.waitFor(allShown(route.texts()), routeBound);
            String shown = chromium.evaluate(normalisedBody()).asText();
            for (String text : route.texts()) {
                if (!shown.contains(normalise(text))) {
                    missing.add(route.name() + ": " + abbreviate(text));
                }
            }
            chromium.screenshot(screenshots.resolve(route.name() + ".png"));
        }
        List<String> foreign = chromium.requests().stream().filter(r -> !r.url().startsWith(ownOrigin)
                && !r.url().startsWith("data:") && !r.url().startsWith("blob:") && !r.url().startsWith("about:"))
                .map(HeadlessChromium.Request::toString).toList();
        return new Findings(unreachable, missing, foreign, chromium.consoleErrors());
    }

    private static String allShown(List<String> texts) {
        StringBuilder all = new StringBuilder("(() => { const shown = " + normalisedBody() + "; return true");
        texts.forEach(text -> all.append(" && shown.includes(").append(js(normalise(text))).append(")"));
        return all.append("; })()").toString();
    }

    /**
     * The text the page's elements hold, top-level scripts and styles left out (the inlined document is not the
     * rendering).
     * Text rather than what is painted: renderers skip painting what is off screen, and a reader scrolls.
     */
    private static String normalisedBody() {
        return "Array.from(document.body.children)"
                + ".filter(e => !['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(e.tagName))"
                + ".map(e => e.textContent).join(' ').replace(/\\s+/g, ' ')";
    }

    static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String js(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static String abbreviate(String text) {
        String one = normalise(text);
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }
}
