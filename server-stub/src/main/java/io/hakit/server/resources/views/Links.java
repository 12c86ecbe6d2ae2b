package io.hakit.server.resources.views;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.common.net.UrlEscapers;

/**
 * Builds the {@code self} and {@code bookmark} links of a resource from the server's public URL, as the service
 * does: {@code self} carries the version and the account, {@code bookmark} neither.
 */
public final class Links {

    public static final String VERSION = "v1.0";

    /**
     * Known once the server listens (with {@code --port 0} the port is chosen then), and set once: a group's kept
     * answer ({@link RenderedAnswers}) holds the links it was rendered with.
     */
    private volatile String publicUrl;

    public synchronized void publicUrl(String url) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (publicUrl != null && !publicUrl.equals(base)) {
            throw new IllegalStateException("the public URL is " + publicUrl + " already");
        }
        this.publicUrl = base;
    }

    /** The base of every href: the server's public URL. */
    public String publicUrl() {
        return publicUrl;
    }

    /**
     * The self and bookmark links of a thing. Its ids are escaped as path segments: the service issues UUIDs, but a
     * world a client loads may give "s 1", and an href with a space in it is no URI (the document's Link.href).
     */
    public ArrayNode of(String accountId, String collection, String id) {
        ArrayNode links = JsonNodeFactory.instance.arrayNode();
        links.addObject().put("href", publicUrl + "/" + VERSION + "/" + segment(accountId) + "/" + collection + "/"
                + segment(id)).put("rel", "self");
        links.addObject().put("href", publicUrl + "/" + collection + "/" + segment(id)).put("rel", "bookmark");
        return links;
    }

    /** An id as one path segment of an href. */
    public static String segment(String id) {
        return UrlEscapers.urlPathSegmentEscaper().escape(id);
    }

    /** The {@code next} link of a list page: the same list, starting after the page's last id. */
    public ArrayNode next(String accountId, String listPath, int limit, String marker) {
        ArrayNode links = JsonNodeFactory.instance.arrayNode();
        links.addObject().put("href", publicUrl + "/" + VERSION + "/" + segment(accountId) + "/" + listPath + "?limit=" + limit
                + "&marker=" + java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8)).put("rel", "next");
        return links;
    }

    public ArrayNode version() {
        ArrayNode links = JsonNodeFactory.instance.arrayNode();
        links.addObject().put("href", publicUrl + "/" + VERSION).put("rel", "self");
        return links;
    }
}
