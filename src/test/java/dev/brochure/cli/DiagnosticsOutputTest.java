package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.TestImages;
import dev.brochure.testing.TestProject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * What the commands print about the content: every warning of every stage with its place, and
 * in one run every error the stages can find, each root cause once.
 */
class DiagnosticsOutputTest {

    @TempDir
    Path temp;

    private static final String EXIF_WARNING = "sections/story.yaml:8:14: warning: image 'images/phone.jpg': "
            + "its EXIF orientation cannot be read, so it is shown as stored";

    /** The fixture with the story's photo replaced by a JPEG whose Orientation entry is UNDEFINED, count 0. */
    private BadInputFixture withUnreadableOrientation() throws Exception {
        BadInputFixture f = BadInputFixture.create(temp);
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(64, 48, BufferedImage.TYPE_INT_RGB));
        return f.photo("phone.jpg", TestImages.withUnreadableExifOrientation(jpeg));
    }

    private static CliRun build(BadInputFixture f) {
        return CliRun.of("build", "--content", f.content().toString(), "-o", f.output().toString());
    }

    private static CliRun validate(BadInputFixture f) {
        return CliRun.of("validate", "--content", f.content().toString());
    }

    private static List<String> errorLines(String err) {
        return err.lines().filter(l -> l.contains(": error: ")).toList();
    }

    @Test
    void buildPrintsTheWarningOfAPhotoWhoseOrientationCannotBeRead() throws Exception {
        BadInputFixture f = withUnreadableOrientation();
        CliRun run = build(f);
        assertEquals(ExitCode.OK, run.code(), run.toString());
        assertTrue(run.err().lines().anyMatch(l -> l.endsWith(EXIF_WARNING)), run.toString());
        assertTrue(Files.isRegularFile(f.output()), "a warning does not stop the build");
    }

    @Test
    void validateAndTypographyPrintTheSameWarning() throws Exception {
        BadInputFixture f = withUnreadableOrientation();
        CliRun validate = validate(f);
        assertEquals(ExitCode.OK, validate.code(), validate.toString());
        assertTrue(validate.err().lines().anyMatch(l -> l.endsWith(EXIF_WARNING)), validate.toString());
        CliRun typography = CliRun.of("typography", "--content", f.content().toString());
        assertEquals(ExitCode.OK, typography.code(), typography.toString());
        assertTrue(typography.err().lines().anyMatch(l -> l.endsWith(EXIF_WARNING)), typography.toString());
    }

    @Test
    void aLineTooLongForItsMeasureIsAWarningAtItsParagraph() throws Exception {
        // A word a little wider than the measure: it sticks out into the right margin, on the page.
        BadInputFixture f = BadInputFixture.create(temp).replace("sections/story.yaml",
                "A second paragraph closes the story.",
                "Pneumonoultramicroscopicsilicovolcanoconiosis" + "Pneumono closes the story.");
        CliRun run = validate(f);
        assertEquals(ExitCode.OK, run.code(), run.toString());
        assertTrue(Pattern.compile("(?m)sections/story\\.yaml:15:5: warning: a line is [\\d.]+pt wider than its "
                + "[\\d.]+pt measure$").matcher(run.err()).find(), run.toString());
    }

    @Test
    void aLineThatRunsOffThePageIsAnErrorAtItsParagraph() throws Exception {
        BadInputFixture f = BadInputFixture.create(temp).replace("sections/story.yaml",
                "A second paragraph closes the story.",
                "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(4) + " closes the story.");
        CliRun run = validate(f);
        assertEquals(ExitCode.USER_ERROR, run.code(), run.toString());
        assertTrue(Pattern.compile("(?m)sections/story\\.yaml:15:5: error: a line is [\\d.]+pt wider than its "
                + "[\\d.]+pt measure and runs off page 2 ").matcher(run.err()).find(), run.toString());
    }

    @Test
    void theWarningsOfOneStageArePrintedBesideTheErrorsOfAnother() throws Exception {
        BadInputFixture f = withUnreadableOrientation()
                .write("layouts/cover.ftlx", "<section>\n<paragraph>x</paragraph>\n</section>\n");
        CliRun run = build(f);
        assertEquals(ExitCode.USER_ERROR, run.code(), run.toString());
        assertTrue(run.err().lines().anyMatch(l -> l.endsWith(EXIF_WARNING)), run.toString());
        assertTrue(run.err().contains("layouts/cover.ftlx:2:1: error: <paragraph> (setting "), run.toString());
        assertTrue(run.err().lines().anyMatch(l -> l.equals("1 error")), run.toString());
        assertFalse(Files.exists(f.output()), "no PDF while there is an error");
    }

    @Test
    void aSchemaErrorAndATemplateErrorOfOtherSectionsAreReportedTogether() throws Exception {
        BadInputFixture f = BadInputFixture.create(temp)
                .replace("sections/cover.yaml", "tagline: A tagline in italics", "tagline: [a, list]")
                .template("<section>\n<p>\n<#if>x</#if>\n</p>\n</section>\n");
        CliRun run = validate(f);
        assertEquals(ExitCode.USER_ERROR, run.code(), run.toString());
        List<String> errors = errorLines(run.err());
        assertEquals(2, errors.size(), run.toString());
        assertTrue(errors.getFirst().contains("sections/cover.yaml:4:10: error: 'tagline' must be a text value"),
                run.toString());
        assertTrue(errors.get(1).contains("layouts/article.ftlx:3:") && errors.get(1).contains("syntax error"),
                run.toString());
        assertTrue(run.err().lines().anyMatch(l -> l.equals("2 errors")), run.toString());
        CliRun build = build(f);
        assertEquals(errors, errorLines(build.err()), "build reports the same");
        assertFalse(Files.exists(f.output()), "no PDF while there is an error");
    }

    @Test
    void aBrokenLinkAndATemplateSyntaxErrorAreReportedTogether() throws Exception {
        BadInputFixture f = BadInputFixture.create(temp)
                .replace("sections/story.yaml", "A second paragraph closes the story.",
                        "A second paragraph points to [the end](#the-end).")
                .write("layouts/cover.ftlx", "<section>\n<#list>\n</section>\n");
        CliRun run = validate(f);
        assertEquals(ExitCode.USER_ERROR, run.code(), run.toString());
        List<String> errors = errorLines(run.err());
        assertEquals(2, errors.size(), run.toString());
        assertTrue(errors.getFirst().contains("layouts/cover.ftlx:2:") && errors.getFirst().contains("syntax error"),
                run.toString());
        assertTrue(errors.get(1).contains("sections/story.yaml:15:5: error: the link to '#the-end' points nowhere"),
                run.toString());
    }

    @Test
    void aLinkToASectionLeftOutForItsErrorsIsNoSecondError() throws Exception {
        BadInputFixture f = BadInputFixture.create(temp)
                .replace("sections/story.yaml", "A second paragraph closes the story.",
                        "Back to [the cover](#cover).")
                .replace("sections/cover.yaml", "tagline: A tagline in italics", "tagline: [a, list]");
        CliRun run = validate(f);
        assertEquals(List.of("cover.yaml:4:10"), errorLines(run.err()).stream()
                .map(l -> l.replaceFirst("^.*sections/", "").replaceFirst(": error: .*", "")).toList(), run.toString());
    }

    @Test
    void aWrongColourInAThemeIsOneErrorAtItsLine() throws Exception {
        BadInputFixture f = BadInputFixture.create(temp)
                .write("themes/t.yaml", "extends: default\ncolors:\n  brand: \"#1D355\"\n")
                .replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: t");
        CliRun run = validate(f);
        assertEquals(ExitCode.USER_ERROR, run.code(), run.toString());
        List<String> errors = errorLines(run.err());
        assertEquals(1, errors.size(), run.toString());
        assertTrue(errors.getFirst().endsWith("themes/t.yaml:3:10: error: colour 'brand': '#1D355' is not a colour"),
                run.toString());
        assertFalse(run.err().contains("builtin:"), "nothing is reported in the built-in theme");
        assertTrue(run.err().lines().anyMatch(l -> l.equals("1 error")), run.toString());
    }

    @Test
    void everyParagraphOfTheMinimalBrochureIsLocatedAtItsValue() throws Exception {
        BadInputFixture f = BadInputFixture.create(temp);
        Map<String, String> where = rows(CliRun.of("typography", "--content", f.content().toString(), "--json"));
        assertEquals("sections/story.yaml:2:9", where.get("Chapter one"), "a plain field: the kicker");
        assertEquals("sections/cover.yaml:5:8", where.get("Somewhere, Earth"), "a plain field: the place");
        assertEquals("sections/story.yaml:3:8", where.get("The Story So Far"));
        assertEquals("sections/story.yaml:6:5", where.get("First highlight"));
    }

    @Test
    void noParagraphOfTheOptmlBrochureIsLocatedAtTheStartOfItsFile() {
        Path content = TestProject.REPO.resolve("brochure-content");
        Map<String, String> where = rows(CliRun.of("typography", "--content", content.toString(), "--json"));
        assertTrue(where.size() > 100, "the brochure's paragraphs: " + where.size());
        assertEquals(List.of(), where.entrySet().stream().filter(e -> e.getValue().endsWith(":1:1"))
                .map(Map.Entry::toString).toList());
    }

    /** The typography report's rows: each paragraph's text (its start) and where it comes from, from sections/. */
    private static Map<String, String> rows(CliRun run) {
        assertEquals(ExitCode.OK, run.code(), run.toString());
        Map<String, Object> json = new Yaml().load(run.out());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> paragraphs = (List<Map<String, Object>>) json.get("paragraphs");
        Map<String, String> where = new java.util.LinkedHashMap<>();
        Pattern file = Pattern.compile("sections/.*$");
        for (Map<String, Object> p : paragraphs) {
            Matcher m = file.matcher((String) p.get("where"));
            where.put((String) p.get("text"), m.find() ? m.group() : (String) p.get("where"));
        }
        return where;
    }
}
