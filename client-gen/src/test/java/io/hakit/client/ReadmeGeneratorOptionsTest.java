package io.hakit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README tells a team without Maven to run openapi-generator "with the options of the table" (the Clients
 * section). Every option the build passes that changes what is generated must therefore be in that table, or the
 * team gets another client than the one the README's snippets call: the table gave typescript-fetch only
 * {@code supportsES6=true}, without which the build's {@code npmName=ha-client} the generator writes no
 * package.json and no tsconfig.json, so neither {@code npm run build} nor {@code import ... from 'ha-client'} works;
 * nor its {@code configuration=configuration} reserved-word mapping, without which every {@code configuration} member
 * is {@code _configuration}.
 */
class ReadmeGeneratorOptionsTest {

    /** Options that change nothing a client's caller sees: time stamps, folder layout, the package's version. */
    private static final Set<String> COSMETIC = Set.of("hideGenerationTimestamp", "sourceFolder", "npmVersion", "projectName");

    private static final Pattern EXECUTION = Pattern.compile("<execution>(.*?)</execution>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<(\\w+)>([^<]*)</\\1>");

    @Test
    void theReadmeTableListsEveryOptionTheBuildGeneratesWith() throws IOException {
        String pom = Files.readString(Toolchains.MODULE.resolve("pom.xml"));
        List<String> rows = Files.readString(Toolchains.ROOT.resolve("README.md")).lines()
                .filter(line -> line.startsWith("| ")).toList();
        List<String> checked = new ArrayList<>();
        Matcher execution = EXECUTION.matcher(pom);
        while (execution.find()) {
            String body = execution.group(1);
            String generator = element(body, "generatorName");
            if (generator == null) {
                continue;
            }
            String library = element(body, "library");
            String row = rows.stream().filter(r -> cell(r, 1).startsWith("`" + generator + "`"))
                    .filter(r -> library == null || library.equals("okhttp-gson")
                            ? !cell(r, 1).contains("--library") : cell(r, 1).contains("--library " + library))
                    .findFirst().orElseThrow(() -> new AssertionError("no README row for " + generator + " " + library));
            List<String> options = new ArrayList<>();
            String configOptions = element(body, "configOptions");
            if (configOptions != null) {
                Matcher option = OPTION.matcher(configOptions);
                while (option.find()) {
                    options.add(option.group(1) + "=" + option.group(2).trim());
                }
            }
            Matcher additional = Pattern.compile("<(?:additionalProperty|reservedWordsMapping)>([^<]*)</").matcher(body);
            while (additional.find()) {
                options.add(additional.group(1).trim());
            }
            for (String option : options) {
                if (!COSMETIC.contains(option.substring(0, option.indexOf('=')))) {
                    assertThat(cell(row, 1)).as("the README's options for %s %s", generator, library == null ? "" : library)
                            .contains(option);
                }
            }
            checked.add(generator + (library == null ? "" : " " + library));
        }
        assertThat(checked).as("the generator executions of client-gen/pom.xml").hasSize(7);
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(xml);
        return m.find() ? m.group(1).trim() : null;
    }

    private static String cell(String row, int index) {
        String[] cells = row.split(" \\| ");
        return cells.length > index ? cells[index].trim() : "";
    }
}
