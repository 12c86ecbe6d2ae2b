package io.hakit.server;

import io.hakit.server.domain.Durations;
import io.hakit.server.domain.Limits;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the reference server runs.
 *
 * @param publicUrl the base of every link href; derived from host and port when absent
 * @param tokens the token registry file; the built-in registry when absent
 * @param world a world to load at start (the dump format); an empty world when absent
 * @param maxBodyBytes larger request bodies answer 413
 * @param limits every account's limits until the control API sets its own ({@link Limits#NONE} by default)
 */
public record ServerConfig(
        String host,
        int port,
        Optional<String> publicUrl,
        Optional<Path> tokens,
        Optional<Path> world,
        Durations.Profile durations,
        String region,
        long maxBodyBytes,
        Limits limits) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 8080, Optional.empty(), Optional.empty(), Optional.empty(),
                Durations.Profile.SHORT, "ord", DEFAULT_MAX_BODY_BYTES, Limits.NONE);
    }

    /**
     * The names the server was given for itself: its host, and its public URL's, when they are names (an address
     * needs no naming). A page at one of them may drive the control API.
     */
    public java.util.Set<String> ownNames() {
        java.util.Set<String> names = new java.util.HashSet<>();
        names.add(host);
        publicUrl.ifPresent(url -> {
            try {
                java.util.Optional.ofNullable(new java.net.URI(url).getHost()).ifPresent(names::add);
            } catch (java.net.URISyntaxException e) {
                // not a URL: it names nothing (its links are what they are)
            }
        });
        return java.util.Set.copyOf(names);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(host, port, publicUrl, tokens, world, durations, region, maxBodyBytes, limits);
    }

    public ServerConfig withPublicUrl(String url) {
        return new ServerConfig(host, port, Optional.of(url), tokens, world, durations, region, maxBodyBytes, limits);
    }

    public ServerConfig withDurations(Durations.Profile profile) {
        return new ServerConfig(host, port, publicUrl, tokens, world, profile, region, maxBodyBytes, limits);
    }

    public ServerConfig withLimits(Limits limits) {
        return new ServerConfig(host, port, publicUrl, tokens, world, durations, region, maxBodyBytes, limits);
    }

    public ServerConfig withHost(String host) {
        return new ServerConfig(host, port, publicUrl, tokens, world, durations, region, maxBodyBytes, limits);
    }

    public ServerConfig withTokens(Path file) {
        return new ServerConfig(host, port, publicUrl, Optional.of(file), world, durations, region, maxBodyBytes, limits);
    }

    public ServerConfig withWorld(Path file) {
        return new ServerConfig(host, port, publicUrl, tokens, Optional.of(file), durations, region, maxBodyBytes, limits);
    }
}
