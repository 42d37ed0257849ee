package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a content project can use: layouts, styles, colours, fonts; copying a layout; the JSON Schemas. */
class CatalogCommandsTest {

    @TempDir
    Path temp;

    /** The minimal fixture with a layout of its own (essay) and a theme that changes one colour and one style. */
    private TestProject project() throws IOException {
        TestProject project = TestProject.copy("minimal", temp);
        TestProject.copyTree(TestProject.REPO.resolve("fonts"), temp.resolve("fonts"));
        Path essay = TestProject.FIXTURES.resolve("typography/layouts");
        Files.createDirectories(project.file("layouts"));
        Files.copy(essay.resolve("essay.ftlx"), project.file("layouts/essay.ftlx"));
        Files.copy(essay.resolve("essay.schema.yaml"), project.file("layouts/essay.schema.yaml"));
        project.write("themes/house.yaml", """
                extends: default
                colors:
                  brand: "#AA0000"
                  sky: "#88CCFF"
                styles:
                  body: {size: 11pt, leading: 15pt}
                """);
        return project.replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: house");
    }

    private static String content(TestProject p) {
        return p.content().toString();
    }

    @Test
    void layoutsListsBuiltInAndProjectLayoutsWithTheirFields() throws IOException {
        TestProject project = project();
        CliRun run = CliRun.of("layouts", "--content", content(project));
        assertEquals(ExitCode.OK, run.code(), run.toString());
        String out = run.out();
        assertTrue(out.contains("essay (project): Running text in columns"), out);
        assertTrue(out.contains("article (builtin): "), out);
        assertTrue(Pattern.compile("(?m)^  title +text, required$").matcher(section(out, "essay")).find(), out);
        assertTrue(Pattern.compile("(?m)^  columns +number +how many columns").matcher(section(out, "essay")).find(), out);
        assertTrue(Pattern.compile("(?m)^  parts +list of record$").matcher(section(out, "essay")).find(), out);
        assertTrue(Pattern.compile("(?m)^    heading +text$").matcher(section(out, "essay")).find(), out);
        String testimonials = section(out, "testimonials");
        assertTrue(Pattern.compile("(?m)^  entries +list of record \\(at least 1\\), required +the testimonials")
                .matcher(testimonials).find(), testimonials);
        assertTrue(Pattern.compile("(?m)^    portrait +image, required ").matcher(testimonials).find(), testimonials);
        assertTrue(Pattern.compile("(?m)^  columns +choice: 1, 2, 3, 4 ").matcher(testimonials).find(), testimonials);
        long builtins;
        try (var files = java.nio.file.Files.list(TestProject.REPO.resolve("src/main/resources/layouts"))) {
            builtins = files.filter(f -> f.toString().endsWith(".ftlx")).count();
        }
        assertTrue(out.contains((builtins + 1) + " layouts;"), "the built-in layouts and the project's essay: " + out);
    }

    /** The lines of one layout's entry. */
    private static String section(String out, String layout) {
        int start = out.indexOf(layout + " (");
        assertTrue(start >= 0, layout + " not listed");
        int end = out.indexOf("\n\n", start);
        return out.substring(start, end < 0 ? out.length() : end);
    }

    @Test
    void copyPutsABuiltInLayoutIntoTheProjectAndNeverOverwrites() throws IOException {
        TestProject project = project();
        CliRun copy = CliRun.of("layouts", "--content", content(project), "--copy", "article");
        assertEquals(ExitCode.OK, copy.code(), copy.toString());
        Path template = project.file("layouts/article.ftlx");
        Path schema = project.file("layouts/article.schema.yaml");
        assertEquals(Files.readString(TestProject.REPO.resolve("src/main/resources/layouts/article.ftlx")),
                Files.readString(template));
        assertEquals(Files.readString(TestProject.REPO.resolve("src/main/resources/layouts/article.schema.yaml")),
                Files.readString(schema));
        assertTrue(CliRun.of("layouts", "--content", content(project)).out().contains("article (project)"));

        // The project's copy is the one used: an edit to its schema shows in validate.
        Files.writeString(schema, Files.readString(schema).replace("  kicker:", "  overline:"));
        CliRun validate = CliRun.of("validate", "--content", content(project));
        assertEquals(ExitCode.USER_ERROR, validate.code(), validate.toString());
        assertTrue(validate.err().contains("unknown key 'kicker'"), validate.err());

        Files.writeString(template, "edited");
        CliRun again = CliRun.of("layouts", "--content", content(project), "--copy", "article");
        assertEquals(ExitCode.USER_ERROR, again.code(), again.toString());
        assertTrue(again.err().contains("article.ftlx: error: the project already has this file; not overwritten"),
                again.err());
        assertEquals("edited", Files.readString(template));

        CliRun unknown = CliRun.of("layouts", "--content", content(project), "--copy", "artikel");
        assertEquals(ExitCode.USER_ERROR, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("there is no built-in layout 'artikel'") && unknown.err().contains("article"),
                unknown.err());
        assertFalse(Files.exists(project.file("layouts/artikel.ftlx")));
    }

    @Test
    void stylesColorsAndFontsComeFromTheSelectedThemeWithTheirOrigin() throws IOException {
        TestProject project = project();
        CliRun colors = CliRun.of("colors", "--content", content(project));
        assertEquals(ExitCode.OK, colors.code(), colors.toString());
        List<String> lines = colors.out().lines().toList();
        assertEquals("theme: house", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("brand +#AA0000 +project")), colors.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("sky +#88CCFF +project")), colors.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("ink +#1F2523 +builtin")), colors.out());
        assertEquals(colors.out(), CliRun.of("colours", "--content", content(project)).out());

        CliRun styles = CliRun.of("styles", "--content", content(project));
        assertEquals(ExitCode.OK, styles.code(), styles.toString());
        assertTrue(styles.out().lines().anyMatch(l -> l.matches("body +project +serif +11/15 pt +justify +ink")),
                styles.out());
        assertTrue(styles.out().lines().anyMatch(l -> l.matches("h2 +builtin +sans bold +16/20 pt +left +brand")),
                styles.out());

        CliRun fonts = CliRun.of("fonts", "--content", content(project));
        assertEquals(ExitCode.OK, fonts.code(), fonts.toString());
        assertTrue(fonts.out().lines().anyMatch(l -> l.matches("display +builtin +regular \\S*fonts/Lato-Black\\.ttf")),
                fonts.out());
        assertTrue(fonts.out().lines().anyMatch(l -> l.startsWith("serif ") && l.contains("bold-italic ")
                && l.contains("Vollkorn-BoldItalic.ttf")), fonts.out());
    }

    @Test
    void aThemeWithErrorsIsReportedAsContentErrors() throws IOException {
        TestProject project = project();
        project.write("themes/house.yaml", "extends: default\ncolors:\n  brand: green\n");
        CliRun run = CliRun.of("styles", "--content", content(project));
        assertEquals(ExitCode.USER_ERROR, run.code(), run.toString());
        assertTrue(run.err().contains("house.yaml:3:10: error: colour 'brand': 'green' is not a colour"), run.err());
    }

    @Test
    void schemaWritesTheSchemasOfTheProjectsLayoutsAndSaysHowToUseThem() throws IOException {
        TestProject project = project();
        CliRun run = CliRun.of("schema", "--content", content(project));
        assertEquals(ExitCode.OK, run.code(), run.toString());
        Path dir = project.file("schemas");
        long layoutSchemas;
        try (var files = java.nio.file.Files.list(TestProject.REPO.resolve("src/main/resources/layouts"))) {
            layoutSchemas = files.filter(f -> f.toString().endsWith(".ftlx")).count() + 1; // and the project's essay
        }
        // brochure.yaml, any section, a theme, and one per layout
        assertTrue(run.out().contains("wrote " + (3 + layoutSchemas) + " schema files to " + dir), run.out());
        assertTrue(run.out().contains("sections/*.yaml  # yaml-language-server: $schema=../schemas/section.schema.json"),
                run.out());
        assertTrue(run.out().contains("brochure.yaml    # yaml-language-server: $schema=schemas/brochure.schema.json"),
                run.out());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode any = mapper.readTree(dir.resolve("section.schema.json").toFile());
        List<String> layouts = mapper.convertValue(any.get("properties").get("layout").get("enum"),
                mapper.getTypeFactory().constructCollectionType(List.class, String.class));
        assertTrue(layouts.contains("essay") && layouts.contains("article"), layouts.toString());
        JsonNode essay = mapper.readTree(dir.resolve("layouts/essay.schema.json").toFile());
        assertEquals("essay", essay.get("properties").get("layout").get("const").asText());
        assertEquals(List.of("layout", "title"), mapper.convertValue(essay.get("required"), List.class));
        assertFalse(essay.get("additionalProperties").asBoolean());
        JsonNode brochure = mapper.readTree(dir.resolve("brochure.schema.json").toFile());
        assertTrue(brochure.get("properties").get("theme").get("enum").toString().contains("\"house\""));

        // A layout removed from the project leaves no schema behind.
        Files.delete(project.file("layouts/essay.ftlx"));
        Files.delete(project.file("layouts/essay.schema.yaml"));
        assertEquals(ExitCode.OK, CliRun.of("schema", "--content", content(project)).code());
        assertFalse(Files.exists(dir.resolve("layouts/essay.schema.json")));
        assertTrue(Files.exists(dir.resolve("layouts/article.schema.json")));

        // The same bytes again: the schemas can be committed and compared.
        byte[] before = Files.readAllBytes(dir.resolve("section.schema.json"));
        Path other = temp.resolve("elsewhere");
        assertEquals(ExitCode.OK, CliRun.of("schema", "--content", content(project), "--out", other.toString()).code());
        assertEquals(new String(before), Files.readString(other.resolve("section.schema.json")));
    }
}
