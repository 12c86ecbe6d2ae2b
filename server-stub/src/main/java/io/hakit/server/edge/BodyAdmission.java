package io.hakit.server.edge;

import org.eclipse.jetty.http.HttpFields;

/**
 * Whether the application would look at a request's body at all, from the request's canonical path and headers:
 * the edge reads (and holds in memory) only the bodies of requests that pass, and hands the others on unread, to
 * be refused before their body (a 401 or 403, K2) and closed in stages ({@link LingeringClose}). Without it, a
 * client with no token could declare a 1 MiB body on each of 32 idle connections: every declared length is taken
 * from the body budget at once, until the idle timeout, and every other client's write was a 503 meanwhile. Only a
 * client with a token for the path's account has its body read (and an {@code Expect: 100-continue} answered 100).
 */
@FunctionalInterface
public interface BodyAdmission {

    /** Every body is read: for an application that authenticates nothing (the edge's own tests). */
    BodyAdmission EVERY = (path, headers) -> true;

    boolean admits(String canonicalPath, HttpFields headers);
}
