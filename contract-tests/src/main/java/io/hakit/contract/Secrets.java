package io.hakit.contract;

/** Tokens never leave the gate: in every request it reports, they are the names of the variables that hold them. */
public final class Secrets {

    public static final String TOKEN = "$HA_TOKEN";
    public static final String OTHER_TOKEN = "$HA_OTHER_TOKEN";

    private Secrets() {}

    /** The token as reports show it: a variable for the gate's own tokens, anything else (a made-up one) as it is. */
    public static String mask(GateConfig config, String token) {
        if (token.equals(config.token())) {
            return TOKEN;
        }
        if (config.otherToken().filter(token::equals).isPresent()) {
            return OTHER_TOKEN;
        }
        return token;
    }

    /** Any text with the gate's tokens replaced by their variables. */
    public static String masked(GateConfig config, String text) {
        if (text == null) {
            return null;
        }
        String masked = text.replace(config.token(), TOKEN);
        return config.otherToken().map(other -> masked.replace(other, OTHER_TOKEN)).orElse(masked);
    }
}
