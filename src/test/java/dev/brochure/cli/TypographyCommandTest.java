package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.TestProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** {@code brochure typography}: the report in its three forms, and --strict as a gate. */
class TypographyCommandTest {

    @TempDir
    Path temp;

    record Outcome(int code, String out, String err) {
    }

    private Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), new Pipeline(Map.of()), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** The fixture in a temporary folder (the default theme's fonts are built in). */
    private String content(String fixture) {
        TestProject project = TestProject.copy(fixture, temp);
        return project.content().toString();
    }

    @Test
    void theTextReportHasTotalsAndOneRowPerParagraph() {
        Outcome o = run("typography", "--content", content("typography"));
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("typography (knuth-plass line breaking)"), o.out());
        assertTrue(o.out().contains("widows 0, orphans 0, headings at a column foot 0"), o.out());
        assertTrue(o.out().contains("sections/03-vision.yaml:6:9"), "rows name the paragraph's YAML line");
        assertTrue(o.out().contains("We envision a future where AI is not on"), "rows show the paragraph's start");
    }

    @Test
    void jsonIsValidAndCarriesTheSameFigures() {
        Outcome o = run("typography", "--content", content("typography"), "--json", "--breaker", "greedy");
        assertEquals(0, o.code(), o.err());
        Map<String, Object> json = new Yaml().load(o.out());
        assertEquals("greedy", json.get("breaker"));
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) json.get("totals");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> paragraphs = (List<Map<String, Object>>) json.get("paragraphs");
        assertEquals(paragraphs.size(), totals.get("paragraphs"));
        int lines = paragraphs.stream().mapToInt(p -> (Integer) p.get("lines")).sum();
        assertEquals(lines, totals.get("lines"));
    }

    @Test
    void markdownComparesBothBreakers() {
        Outcome o = run("typography", "--content", content("typography"), "--markdown");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("| figure | knuth-plass | greedy |"), o.out());
        assertTrue(o.out().contains("| mean \\|r\\| of justified lines |"), o.out());
    }

    @Test
    void strictFailsOnAnOverfullLineAndNamesItsParagraph() throws Exception {
        String dir = content("typography");
        assertEquals(0, run("typography", "--content", dir, "--strict").code(), "the fixture passes");
        Path welcome = Path.of(dir, "sections/01-welcome.yaml");
        // A capitalised word (never hyphenated) longer than the measure.
        Files.writeString(welcome, Files.readString(welcome).replace("Read on about",
                "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(3) + " read on about"));
        Outcome o = run("typography", "--content", dir, "--strict");
        assertEquals(ExitCode.USER_ERROR, o.code(), o.out());
        assertTrue(o.err().contains("sections/01-welcome.yaml") && o.err().contains("overfull"), o.err());
    }

    @Test
    void anUnknownBreakerIsAUsageError() {
        Outcome o = run("typography", "--breaker", "fast");
        assertEquals(ExitCode.USAGE, o.code());
        assertTrue(o.err().contains("knuth-plass, greedy or greedy-shrink"), o.err());
    }
}
