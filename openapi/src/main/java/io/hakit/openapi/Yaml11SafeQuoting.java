package io.hakit.openapi;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Quotes every string that a YAML 1.1 loader would read as something else. Jackson's minimal quoting knows YAML
 * 1.2's numbers and booleans, but PyYAML, js-yaml's default schema and SnakeYAML also resolve timestamps
 * ({@code 2016-03-15T16:36:48}), sexagesimal numbers ({@code 1:20}) and {@code 0b} integers: an unquoted
 * {@code updated: 2016-03-15T16:36:48} reaches them as a date, which then fails its own string schema. SnakeYAML's
 * resolver is the YAML 1.1 rule itself, so it decides rather than a copy of its patterns.
 */
final class Yaml11SafeQuoting extends StringQuotingChecker {

    private static final long serialVersionUID = 1L;
    private static final Resolver YAML_11 = new Resolver();

    @Override
    public boolean needToQuoteName(String name) {
        return Default.instance().needToQuoteName(name) || readAsOtherThanString(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
        return Default.instance().needToQuoteValue(value) || readAsOtherThanString(value);
    }

    static boolean readAsOtherThanString(String plain) {
        // PyYAML also resolves "=" (the value type, which its safe loader refuses) and "<<" (merge keys)
        return plain.equals("=") || plain.equals("<<") || !Tag.STR.equals(YAML_11.resolve(NodeId.scalar, plain, true));
    }
}
