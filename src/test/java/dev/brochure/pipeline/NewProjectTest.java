package dev.brochure.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.cli.Main;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.testing.PdfFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code brochure init} (README, "Starting a new brochure"): a new project that builds at once,
 * whose YAML files name their JSON Schemas on the first line and agree with them, and a refusal
 * that writes nothing.
 */
class NewProjectTest {

    @TempDir
    Path temp;

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), new Pipeline(Map.of()), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static List<Path> yamlFiles(Path content) throws IOException {
        try (Stream<Path> files = Files.walk(content)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** Every YAML file names its schema on its first line; the schema exists and accepts the file. */
    private static void assertSchemaComments(Path content) throws IOException {
        List<Path> yaml = yamlFiles(content);
        assertTrue(yaml.size() >= 4, yaml.toString());
        for (Path file : yaml) {
            String text = Files.readString(file);
            String first = text.lines().findFirst().orElse("");
            assertTrue(first.startsWith("# yaml-language-server: $schema="), file + ": " + first);
            Path schema = file.getParent().resolve(first.substring(first.indexOf('=') + 1)).normalize();
            assertTrue(Files.isRegularFile(schema), file + " names " + schema);
            assertEquals(List.of(), JsonSchemaAgreementTest.validate(schema, text), file.toString());
        }
    }

    @Test
    void theOptmlExampleIsTheCustomersBrochureAndBuildsToTheSameBytes() throws IOException {
        Path project = temp.resolve("new/optml");
        Run run = cli("init", project.toString(), "--example", "optml");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("from the optml example"), run.out());
        Path content = project.resolve("brochure-content");
        assertSchemaComments(content);
        assertTrue(Files.isRegularFile(project.resolve("images/CREDITS.md")), "the images' provenance");
        assertTrue(Files.isRegularFile(project.resolve("README.md")));
        Path pdf = temp.resolve("optml.pdf");
        BuildResult result = new Pipeline(Map.of()).build(BuildRequest.of(content, pdf));
        assertEquals(List.of(), result.warnings());
        assertArrayEquals(Files.readAllBytes(BuiltBrochure.OPTML.pdf()), Files.readAllBytes(pdf),
                "the same brochure as the repository's brochure-content");
    }

    @Test
    void theMinimalExampleBuildsAtOnceWithTheBuiltInFonts() throws IOException {
        Path project = temp.resolve("minimal");
        Run run = cli("init", project.toString(), "--example", "minimal");
        assertEquals(0, run.code(), run.err());
        Path content = project.resolve("brochure-content");
        assertSchemaComments(content);
        assertTrue(Files.readString(project.resolve(".gitignore")).contains("out/"));
        assertTrue(Files.readString(project.resolve("README.md")).contains("brochure init --example minimal"));
        Path pdf = project.resolve("out/brochure.pdf");
        BuildResult result = new Pipeline(Map.of()).build(BuildRequest.of(content, pdf));
        assertEquals(List.of(), result.warnings());
        assertEquals(3, result.pages());
        try (PDDocument doc = PdfFiles.open(pdf)) {
            String text = PdfFiles.text(doc);
            for (String expected : List.of("Our Brochure", "What We Do", "Get in Touch", "1 Example Street")) {
                assertTrue(text.contains(expected), expected + " in " + text);
            }
            assertTrue(PdfFiles.fonts(doc).stream().allMatch(f -> f.isEmbedded()
                    && (f.getName().contains("Lato") || f.getName().contains("Vollkorn"))), "built-in fonts");
        }
        // A new project starts accessible: every rule of verify passes, contrast and tagging among them.
        Run verify = cli("verify", pdf.toString());
        assertEquals(0, verify.code(), verify.out() + verify.err());
        assertTrue(verify.out().contains("tagged, contrast"), verify.out());
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedAndNothingIsWritten() throws IOException {
        Path project = temp.resolve("busy");
        Files.createDirectories(project);
        Files.writeString(project.resolve("notes.txt"), "mine");
        Run run = cli("init", project.toString(), "--example", "minimal");
        assertEquals(1, run.code(), run.out());
        assertTrue(run.err().contains("the folder is not empty (1 entry: notes.txt); nothing was written"), run.err());
        assertTrue(run.err().contains("hint: "), run.err());
        try (Stream<Path> left = Files.list(project)) {
            assertEquals(List.of(project.resolve("notes.txt")), left.toList());
        }
        try (Stream<Path> beside = Files.list(temp)) {
            assertEquals(List.of(project), beside.toList(), "no staging folder left beside it");
        }
    }

    @Test
    void anEmptyFolderIsFilledAndAFileIsRefused() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Object identity = Files.readAttributes(empty, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertEquals(0, cli("init", empty.toString(), "--example", "minimal").code());
        assertTrue(Files.isRegularFile(empty.resolve("brochure-content/brochure.yaml")));
        assertEquals(identity, Files.readAttributes(empty, java.nio.file.attribute.BasicFileAttributes.class).fileKey(),
                "the same folder (a shell working in it still sees it), filled");
        try (Stream<Path> beside = Files.list(temp)) {
            assertEquals(List.of(empty), beside.toList(), "no staging folder left beside it");
        }
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        Run run = cli("init", file.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("is a file, not a folder"), run.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void anUnknownExampleIsAUsageError() {
        Run run = cli("init", temp.resolve("x").toString(), "--example", "fancy");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("unknown example 'fancy'; choose one of: optml, minimal"), run.err());
        assertFalse(Files.exists(temp.resolve("x")));
    }
}
