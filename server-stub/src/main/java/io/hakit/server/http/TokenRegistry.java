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
import java.util.Set;

/**
 * Which account each token belongs to, from a JSON file {@code {"tokens": {"TOKEN": "ACCOUNT", ...}}}. The default
 * registry (tokens.json on the classpath) holds the seed's three tokens for account 1234 and one for account 5678.
 */
public final class TokenRegistry {

    private final Map<String, String> accountsByToken;
    private final String source;

    private TokenRegistry(Map<String, String> accountsByToken, String source) {
        this.accountsByToken = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accountsByToken)); // file order
        this.source = source;
    }

    public static TokenRegistry defaults() {
        try (InputStream in = TokenRegistry.class.getResourceAsStream("/tokens.json")) {
            return parse(new ObjectMapper().readTree(in), "the built-in registry");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TokenRegistry fromFile(Path file) {
        try {
            return parse(new ObjectMapper().readTree(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token registry " + file, e);
        }
    }

    private static TokenRegistry parse(JsonNode json, String source) {
        JsonNode tokens = json.path("tokens");
        if (!tokens.isObject() || tokens.isEmpty()) {
            throw new IllegalArgumentException("a token registry is {\"tokens\": {\"TOKEN\": \"ACCOUNT\", ...}}");
        }
        Map<String, String> map = new LinkedHashMap<>();
        tokens.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return new TokenRegistry(map, source);
    }

    /** Where the tokens come from and one token per account, for the start-up banner. */
    public String describe() {
        Map<String, String> firstTokenByAccount = new java.util.TreeMap<>();
        accountsByToken.forEach((token, account) -> firstTokenByAccount.putIfAbsent(account, token));
        StringBuilder text = new StringBuilder("from ").append(source).append(" (");
        firstTokenByAccount.forEach((account, token) -> text.append(text.charAt(text.length() - 1) == '(' ? "" : ", ")
                .append("account ").append(account).append(": ").append(token));
        return text.append(')').toString();
    }

    /** Every account a token of the registry belongs to. */
    public Set<String> accounts() {
        return Set.copyOf(accountsByToken.values());
    }

    public Optional<String> account(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(accountsByToken.get(token));
    }
}
