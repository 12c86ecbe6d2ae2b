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

    /**
     * Any text with the gate's tokens replaced by their variables, where a token stands as a whole (not inside a
     * longer word): a short token ("t", "x", an account id used as a token) would otherwise be replaced inside every
     * word that holds it, and the reports' verdicts, checks and messages with it ("not e$HA_TOKENercised").
     */
    public static String masked(GateConfig config, String text) {
        if (text == null) {
            return null;
        }
        String masked = replaceWhole(text, config.token(), TOKEN);
        return config.otherToken().map(other -> replaceWhole(masked, other, OTHER_TOKEN)).orElse(masked);
    }

    private static String replaceWhole(String text, String token, String variable) {
        if (token.isEmpty()) {
            return text;
        }
        return java.util.regex.Pattern.compile("(?<![A-Za-z0-9_.~-])" + java.util.regex.Pattern.quote(token)
                + "(?![A-Za-z0-9_.~-])").matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(variable));
    }
}
