package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.BuildResult;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.TestProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes and messages of each class of outcome, run in-process. */
class CliTest {

    @TempDir
    Path temp;

    record Outcome(int code, String out, String err) {
    }

    /** Runs the CLI; content paths are relative to the test project, fonts come from the repo. */
    private Outcome run(Pipeline pipeline, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), pipeline, args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Outcome run(String... args) {
        return run(new Pipeline(Map.of()), args);
    }

    private String[] build(TestProject project, Path pdf) {
        return new String[] {"build", "--content", project.content().toString(), "-o", pdf.toString()};
    }

    /** The fixture in a temporary folder: the default theme's fonts are built in, nothing else is needed. */
    private TestProject project() {
        return TestProject.copy("minimal", temp);
    }

    private static final Pattern LOCATED = Pattern.compile("(?m)^\\S+:\\d+:\\d+: error: .+$");

    @Test
    void buildWritesThePdfAndExitsZero() {
        Path pdf = temp.resolve("out/b.pdf");
        Outcome o = run(build(project(), pdf));
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.isRegularFile(pdf));
        assertTrue(o.out().contains("2 pages"), o.out());
    }

    /** A new user's mistake: --content given the project's folder, which holds brochure-content/. */
    @Test
    void theProjectFolderGivenAsContentIsAnErrorThatNamesTheContentFolder() {
        project();
        Path pdf = temp.resolve("b.pdf");
        Outcome o = run("build", "--content", temp.toString(), "-o", pdf.toString());
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains("brochure.yaml: error: file not found"), o.err());
        assertTrue(o.err().contains("did you mean --content " + temp.resolve("brochure-content")), o.err());
        assertFalse(Files.exists(pdf));
        assertFalse(o.err().contains("\tat "), "no stack trace");
    }

    @Test
    void validateChecksWithoutWriting() {
        TestProject project = project();
        Outcome o = run("validate", "--content", project.content().toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("ok (2 sections, 2 pages)"), o.out());
    }

    @Test
    void yamlSyntaxErrorExitsOneWithLineAndColumn() {
        TestProject project = project().replace("sections/story.yaml", "kicker: Chapter one", "kicker: \"Chapter one");
        Path pdf = temp.resolve("b.pdf");
        Outcome o = run(build(project, pdf));
        assertEquals(1, o.code());
        assertTrue(LOCATED.matcher(o.err()).find(), o.err());
        assertTrue(o.err().contains("story.yaml:") && o.err().contains("YAML syntax error"), o.err());
        assertFalse(Files.exists(pdf));
        assertFalse(o.err().contains("\tat "), "no stack trace");
    }

    @Test
    void unknownKeyExitsOneWithLineColumnAndHint() {
        TestProject project = project().replace("sections/story.yaml", "intro:", "intrp:");
        Outcome o = run(build(project, temp.resolve("b.pdf")));
        assertEquals(1, o.code());
        assertTrue(o.err().contains("sections/story.yaml:4:1: error: unknown key 'intrp' in section"), o.err());
        assertTrue(o.err().contains("hint: did you mean 'intro'?"), o.err());
    }

    @Test
    void wrongTypeExitsOne() {
        TestProject project = project().replace("brochure.yaml", "title: Fixture Brochure", "title: [Fixture]");
        Outcome o = run(build(project, temp.resolve("b.pdf")));
        assertEquals(1, o.code());
        assertTrue(o.err().contains("brochure.yaml:2:8: error: 'title' must be a text value, not a list"), o.err());
    }

    @Test
    void missingRequiredFieldExitsOne() {
        TestProject project = project().replace("brochure.yaml", "title: Fixture Brochure\n", "");
        Outcome o = run(build(project, temp.resolve("b.pdf")));
        assertEquals(1, o.code());
        assertTrue(o.err().contains("brochure.yaml:2:1: error: brochure.yaml is missing the required key 'title'"),
                o.err());
    }

    @Test
    void missingImageExitsOneAndKeepsThePreviousPdf() throws Exception {
        Path pdf = temp.resolve("b.pdf");
        Files.writeString(pdf, "previous good pdf");
        TestProject project = project().replace("sections/cover.yaml", "images/landscape.jpg", "images/nope.jpg");
        Outcome o = run(build(project, pdf));
        assertEquals(1, o.code());
        assertTrue(o.err().contains("sections/cover.yaml:6:14: error: file not found: 'images/nope.jpg'"), o.err());
        assertEquals("previous good pdf", Files.readString(pdf));
    }

    @Test
    void pathsInMessagesAreShownFromTheFolderThePipelineWasGivenNotTheProcesssWorkingFolder() {
        TestProject project = project().replace("sections/cover.yaml", "images/landscape.jpg", "images/nope.jpg");
        String[] args = build(project, temp.resolve("b.pdf"));
        Outcome fromTemp = run(new Pipeline(Map.of(), temp), args);
        assertTrue(fromTemp.err().startsWith("brochure-content/sections/cover.yaml:6:14: error: file not found"),
                fromTemp.err());
        Outcome fromContent = run(new Pipeline(Map.of(), project.content()), args);
        assertTrue(fromContent.err().startsWith("sections/cover.yaml:6:14: error: file not found"), fromContent.err());
        Outcome fromElsewhere = run(new Pipeline(Map.of(), temp.resolve("elsewhere")), args);
        assertTrue(fromElsewhere.err().startsWith(project.content().resolve("sections/cover.yaml") + ":6:14: error:"),
                fromElsewhere.err());
    }

    @Test
    void missingFontExitsOne() {
        TestProject project = project().write("themes/t.yaml", "extends: default\nfonts:\n  serif:\n    regular: fonts/X.ttf\n")
                .replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: t");
        Outcome o = run(build(project, temp.resolve("b.pdf")));
        assertEquals(1, o.code());
        assertTrue(o.err().contains("themes/t.yaml:4:14: error: file not found: 'fonts/X.ttf'"), o.err());
    }

    @Test
    void anImpossibleSizeBudgetExitsOneWithTheSmallestSizeReached() throws Exception {
        Path pdf = temp.resolve("b.pdf");
        Outcome o = run("build", "--content", project().content().toString(), "-o", pdf.toString(), "--max-size", "1k");
        assertEquals(1, o.code());
        assertTrue(o.err().contains("error: cannot fit the PDF in 1 kB: the smallest it reached is "), o.err());
        assertFalse(Files.exists(pdf));
    }

    @Test
    void aSizeBudgetThatCanBeMetIsMetAndReported() throws Exception {
        Path pdf = temp.resolve("b.pdf");
        Outcome o = run("build", "--content", project().content().toString(), "-o", pdf.toString(), "--max-size",
                "200kB", "--profile", "email");
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.size(pdf) <= 200_000);
        assertTrue(o.out().contains("email profile, images at most"), o.out());
    }

    @Test
    void unknownOptionIsAUsageErrorExitingTwo() {
        Outcome o = run("build", "--no-such-flag");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("Unknown option: '--no-such-flag'"), o.err());
    }

    @Test
    void archiveWithThePrintProfileIsAUsageError() {
        Outcome o = run("build", "--profile", "print", "--archive", "-o", "out/never.pdf");
        assertEquals(2, o.code(), o.toString());
        assertTrue(o.err().contains("--archive (PDF/A, sRGB output intent) cannot be combined with --profile print"),
                o.err());
        assertTrue(!o.out().contains("wrote"), o.out());
    }

    @Test
    void badPaperValueIsAUsageError() {
        assertEquals(2, run("build", "--paper", "A3").code());
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, run().code());
    }

    @Test
    void internalErrorsExitThreeWithAStackTraceOnlyWithDebug() {
        Pipeline broken = new Pipeline(Map.of()) {
            @Override
            public BuildResult build(BuildRequest request, dev.brochure.pipeline.Progress progress) {
                throw new IllegalStateException("boom");
            }
        };
        Outcome quiet = run(broken, "build");
        assertEquals(3, quiet.code());
        assertTrue(quiet.err().contains("internal error: java.lang.IllegalStateException: boom"), quiet.err());
        assertFalse(quiet.err().contains("\tat "), quiet.err());
        Outcome debug = run(broken, "build", "--debug");
        assertEquals(3, debug.code());
        assertTrue(debug.err().contains("\tat "), "stack trace with --debug");
    }

    @Test
    void helpAndVersionWorkOnEveryCommand() {
        for (String command : new String[] {"build", "validate"}) {
            Outcome help = run(command, "--help");
            assertEquals(0, help.code());
            assertTrue(help.out().contains("Usage: brochure " + command), help.out());
            Outcome version = run(command, "--version");
            assertEquals(0, version.code());
            assertTrue(version.out().startsWith("brochure "), version.out());
        }
        assertEquals(0, run("--version").code());
    }

    /** A pipeline whose build runs out of memory as typesetting would (the error's top frame is the typesetter's). */
    private static Pipeline runningOutOfMemory() {
        return new Pipeline(Map.of()) {
            @Override
            public BuildResult build(BuildRequest request, dev.brochure.pipeline.Progress progress) {
                OutOfMemoryError error = new OutOfMemoryError("Java heap space");
                error.setStackTrace(new StackTraceElement[] {
                    new StackTraceElement("dev.brochure.typeset.text.ParagraphBuilder", "build", "ParagraphBuilder.java", 1),
                    new StackTraceElement("dev.brochure.pipeline.Pipeline", "build", "Pipeline.java", 1)});
                throw error;
            }
        };
    }

    @Test
    void runningOutOfMemoryIsAUserErrorNamingTheLikelyCauseWithoutATrace() {
        Outcome o = run(runningOutOfMemory(), build(project(), temp.resolve("out/b.pdf")));
        assertEquals(ExitCode.USER_ERROR, o.code(), o.err());
        long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        assertEquals("brochure: error: out of memory while typesetting: the command needed more than the " + mb
                + " MB Java may use here\n  hint: the likely cause is very long text or very many pages; split the content"
                + " or shorten it; or give Java more memory (JAVA_TOOL_OPTIONS=-Xmx2g)\n1 error\n", o.err());
        assertFalse(Files.exists(temp.resolve("out/b.pdf")));
        // With --debug the trace follows, for a bug report.
        assertTrue(run(runningOutOfMemory(), "build", "--debug", "--content", project().content().toString(), "-o",
                temp.resolve("out/b.pdf").toString()).err().contains("\tat dev.brochure.typeset.text.ParagraphBuilder.build"));
    }

    @Test
    void hugeMessagesAndHintsAreCut() {
        dev.brochure.diag.Diagnostic d = Context.bounded(dev.brochure.diag.Diagnostic.error(
                dev.brochure.vocab.SourceLocation.of("x.yaml"), "m".repeat(5000), "h".repeat(1_500_000)));
        assertEquals("m".repeat(1000) + "... [4000 more characters]", d.message());
        assertEquals("h".repeat(500) + "... [1499500 more characters]", d.hint());
    }
}
