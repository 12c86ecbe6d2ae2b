package io.hakit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which account each token belongs to, from a JSON file {@code {"tokens": {"TOKEN": "ACCOUNT", ...}}}. The default
 * registry (tokens.json on the classpath) holds the seed's three tokens for account 1234 and one for account 5678.
 */
public final class TokenRegistry {

    private final Map<String, String> accountsByToken;

    private TokenRegistry(Map<String, String> accountsByToken) {
        this.accountsByToken = Map.copyOf(accountsByToken);
    }

    public static TokenRegistry defaults() {
        try (InputStream in = TokenRegistry.class.getResourceAsStream("/tokens.json")) {
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TokenRegistry fromFile(Path file) {
        try {
            return parse(new ObjectMapper().readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token registry " + file, e);
        }
    }

    private static TokenRegistry parse(JsonNode json) {
        JsonNode tokens = json.path("tokens");
        if (!tokens.isObject() || tokens.isEmpty()) {
            throw new IllegalArgumentException("a token registry is {\"tokens\": {\"TOKEN\": \"ACCOUNT\", ...}}");
        }
        Map<String, String> map = new LinkedHashMap<>();
        tokens.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return new TokenRegistry(map);
    }

    public Optional<String> account(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(accountsByToken.get(token));
    }
}
