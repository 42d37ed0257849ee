package dev.brochure.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schemas {@code brochure schema} writes say what the loader says: the same good and bad
 * files are given to the content loader and to a JSON Schema validator (as an editor would use
 * the schemas), and both must accept the good ones and refuse the bad ones.
 */
class JsonSchemaAgreementTest {

    @TempDir
    Path temp;

    /** The schemas of the fixture project with a theme 't' of its own, written once. */
    @TempDir
    static Path shared;

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<String, Schema> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void writeSchemas() {
        TestProject project = TestProject.copy("minimal", shared).write(THEME, "extends: default\n");
        new Pipeline(Map.of()).writeSchemas(project.request(shared.resolve("unused.pdf")), shared.resolve("schemas"));
    }

    /** Which file a case replaces, what it holds, and whether it is valid. */
    record Case(String name, String file, String yaml, boolean valid) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String STORY = "sections/story.yaml";
    private static final String BROCHURE = "brochure.yaml";
    private static final String THEME = "themes/t.yaml";

    private static final String ARTICLE = """
            layout: article
            kicker: Chapter one
            title: The Story So Far
            highlights:
              - First highlight
            photo: images/landscape.jpg
            paragraphs:
              - A paragraph.
            """;

    private static final String BROCHURE_YAML = """
            title: Fixture Brochure
            language: en-GB
            paper: A4
            date: 2024-05-06
            sections:
              - sections/cover.yaml
              - sections/story.yaml
            """;

    static Stream<Case> cases() {
        return Stream.of(
                // section files
                new Case("a good article", STORY, ARTICLE, true),
                new Case("a choice written as a number (columns: 2)", STORY, ARTICLE + "columns: 2\n", true),
                new Case("a number in a text field", STORY, ARTICLE.replace("The Story So Far", "2024"), true),
                new Case("an optional field left empty", STORY, ARTICLE.replace("kicker: Chapter one", "kicker:"), true),
                new Case("the common keys id and outline", STORY, ARTICLE + "id: story\noutline: Our story\n", true),
                new Case("missing required field", STORY, ARTICLE.replace("title: The Story So Far\n", ""), false),
                new Case("required field left empty", STORY, ARTICLE.replace("title: The Story So Far", "title:"), false),
                new Case("unknown key", STORY, ARTICLE + "titel: Misspelt\n", false),
                new Case("wrong type: text for a list", STORY, ARTICLE.replace("highlights:\n  - First highlight",
                        "highlights: just one"), false),
                new Case("wrong type: a mapping for text", STORY, ARTICLE.replace("  - A paragraph.", "  - {a: b}"), false),
                new Case("bad choice value", STORY, ARTICLE + "columns: 4\n", false),
                new Case("bad choice value (aspect)", STORY, ARTICLE + "aspect: 7:5\n", false),
                new Case("unknown layout", STORY, ARTICLE.replace("layout: article", "layout: articel"), false),
                new Case("no layout", STORY, ARTICLE.replace("layout: article\n", ""), false),
                new Case("too many items", STORY, pillars(2) + photos(4), false),
                new Case("as many items as allowed", STORY, pillars(2) + photos(3), true),
                new Case("a record missing its required field", STORY, pillars(2).replace("    text: What it means 2\n", ""),
                        false),
                new Case("a boolean written as yes", STORY, gallery("yes"), true),
                new Case("not a boolean", STORY, gallery("sometimes"), false),
                // brochure.yaml
                new Case("a good brochure.yaml", BROCHURE, BROCHURE_YAML, true),
                new Case("paper in lower case", BROCHURE, BROCHURE_YAML.replace("A4", "letter"), true),
                new Case("keywords as one line", BROCHURE, BROCHURE_YAML + "keywords: alpha, beta\n", true),
                new Case("brochure.yaml without sections", BROCHURE,
                        BROCHURE_YAML.substring(0, BROCHURE_YAML.indexOf("sections:")), false),
                new Case("empty sections", BROCHURE, BROCHURE_YAML.substring(0, BROCHURE_YAML.indexOf("sections:"))
                        + "sections: []\n", false),
                new Case("unknown key in brochure.yaml", BROCHURE, BROCHURE_YAML + "titel: x\n", false),
                new Case("unknown paper", BROCHURE, BROCHURE_YAML.replace("A4", "A5"), false),
                new Case("not a language tag", BROCHURE, BROCHURE_YAML.replace("en-GB", "British English"), false),
                new Case("not a date", BROCHURE, BROCHURE_YAML.replace("2024-05-06", "6 May 2024"), false),
                new Case("unknown theme", BROCHURE, BROCHURE_YAML + "theme: nonesuch\n", false),
                // themes
                new Case("a good theme", THEME, theme("colors: {brand: \"#123456\"}\nmargins: 15mm\n"
                        + "styles:\n  body: {size: 11pt, align: left, hyphenate: yes}\n"), true),
                new Case("margins on four sides", THEME, theme("margins: {top: 10mm, right: 12mm, bottom: 14mm, left: 12mm}\n"),
                        true),
                new Case("a colour that is not #RRGGBB", THEME, theme("colors: {brand: green}\n"), false),
                new Case("unknown alignment", THEME, theme("styles:\n  body: {align: middle}\n"), false),
                new Case("unknown style key", THEME, theme("styles:\n  body: {weight: bold}\n"), false),
                new Case("margins missing a side", THEME, theme("margins: {top: 10mm}\n"), false),
                new Case("too many columns", THEME, theme("masters:\n  body: {columns: 9}\n"), false),
                new Case("not a length", THEME, theme("styles:\n  body: {size: large}\n"), false),
                new Case("unknown key in a theme", THEME, theme("colours: {brand: \"#123456\"}\n"), false));
    }

    private static String pillars(int n) {
        StringBuilder b = new StringBuilder("layout: pillars\ntitle: Pillars\npillars:\n");
        for (int i = 1; i <= n; i++) {
            b.append("  - title: Pillar ").append(i).append('\n').append("    text: What it means ").append(i).append('\n');
        }
        return b.toString();
    }

    private static String photos(int n) {
        return "photos:\n" + "  - photo: images/landscape.jpg\n".repeat(n);
    }

    private static String gallery(String wide) {
        return "layout: gallery\nphotos:\n  - photo: images/landscape.jpg\n    wide: " + wide + "\n";
    }

    private static String theme(String body) {
        return "extends: default\n" + body;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theLoaderAndTheJsonSchemaGiveTheSameVerdict(Case c) throws IOException {
        TestProject project = TestProject.copy("minimal", temp);
        if (c.file().equals(THEME)) {
            project.replace(BROCHURE, "paper: A4", "paper: A4\ntheme: t");
        }
        project.write(c.file(), c.yaml());
        Pipeline pipeline = new Pipeline(Map.of());
        Path schemas = shared.resolve("schemas");

        List<Diagnostic> loader = new ArrayList<>();
        try {
            pipeline.content(project.request(temp.resolve("unused.pdf")));
        } catch (BrochureException e) {
            loader.addAll(e.diagnostics().stream().filter(Diagnostic::isError).toList());
        }
        String name = c.file().substring(c.file().lastIndexOf('/') + 1);
        assertTrue(loader.stream().allMatch(d -> d.where().file().endsWith(name)),
                "the loader's errors are about the case's file: " + loader);
        assertEquals(c.valid(), loader.isEmpty(), "loader: " + loader);

        List<String> schemaFiles = new ArrayList<>();
        switch (c.file()) {
            case BROCHURE -> schemaFiles.add("brochure.schema.json");
            case THEME -> schemaFiles.add("theme.schema.json");
            default -> {
                schemaFiles.add("section.schema.json");
                String layout = c.yaml().lines().filter(l -> l.startsWith("layout: ")).map(l -> l.substring(8))
                        .findFirst().orElse("");
                if (Files.exists(schemas.resolve("layouts/" + layout + ".schema.json"))) {
                    schemaFiles.add("layouts/" + layout + ".schema.json");
                }
            }
        }
        for (String file : schemaFiles) {
            List<Error> errors = validate(schemas.resolve(file), c.yaml());
            assertEquals(c.valid(), errors.isEmpty(), file + ": " + errors.stream().map(Error::toString)
                    .collect(Collectors.joining("; ")));
        }
    }

    static List<Error> validate(Path schemaFile, String yaml) {
        Schema schema = SCHEMAS.computeIfAbsent(schemaFile.toString(), f -> {
            try {
                return REGISTRY.getSchema(Files.readString(schemaFile));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return schema.validate(yaml, InputFormat.YAML);
    }
}
