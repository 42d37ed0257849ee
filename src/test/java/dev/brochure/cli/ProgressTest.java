package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.testing.TestProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress on long runs (README, "Progress"): shown on standard error on a terminal and with
 * --verbose, never in CI (no terminal) nor with --quiet; standard output is the same either way.
 */
class ProgressTest {

    @TempDir
    Path temp;

    private static CliRun run(boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), new Pipeline(Map.of()), terminal, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    private String[] sizeSearch(String budget, String... more) {
        TestProject project = TestProject.copy("minimal", temp);
        List<String> args = new java.util.ArrayList<>(List.of("build", "--content", project.content().toString(), "-o",
                temp.resolve("b.pdf").toString(), "--max-size", budget, "--profile", "email"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static List<String> attempts(String err) {
        return err.lines().filter(l -> l.startsWith("brochure: size search, attempt ")).toList();
    }

    @Test
    void theSizeSearchIsSilentWhenNotOnATerminal() {
        CliRun run = run(false, sizeSearch("1k"));
        assertEquals(1, run.code());
        assertEquals(List.of(), attempts(run.err()), run.err());
    }

    @Test
    void verboseReportsEveryAttemptOfTheSizeSearch() {
        CliRun run = run(false, sizeSearch("1k", "--verbose"));
        assertEquals(1, run.code());
        List<String> attempts = attempts(run.err());
        // The profile's own setting, then a bisection of the 11 settings: at most 5 renders, all over 1 kB.
        assertEquals(5, attempts.size(), run.err());
        for (int i = 0; i < attempts.size(); i++) {
            assertTrue(attempts.get(i).startsWith("brochure: size search, attempt " + (i + 1) + " of at most 5: "),
                    attempts.get(i));
            assertTrue(attempts.get(i).endsWith("(over 1 kB)"), attempts.get(i));
        }
        assertTrue(attempts.get(4).contains("images at 33 ppi, JPEG quality 0.30"), attempts.get(4));
    }

    @Test
    void onATerminalTheAttemptsAreShownAndQuietHidesThem() {
        CliRun shown = run(true, sizeSearch("200kB"));
        assertEquals(0, shown.code(), shown.err());
        List<String> attempts = attempts(shown.err());
        assertTrue(!attempts.isEmpty(), shown.err());
        assertTrue(attempts.getLast().endsWith("(fits 200 kB)"), attempts.getLast());
        CliRun quiet = run(true, sizeSearch("200kB", "--quiet"));
        assertEquals(0, quiet.code(), quiet.err());
        assertEquals("", quiet.err());
        assertEquals(shown.out().replaceAll("in [0-9.]+ s", ""), quiet.out().replaceAll("in [0-9.]+ s", ""),
                "the same result on standard output");
    }

    @Test
    void aPreviewOfManyPagesShowsABarOnATerminalOnly() {
        String pdf = BuiltBrochure.OPTML.pdf().toString();
        CliRun terminal = run(true, "preview", pdf, "--out", temp.resolve("a").toString(), "--dpi", "12", "--pages", "1-4");
        assertEquals(0, terminal.code(), terminal.err());
        assertTrue(terminal.err().contains("pages") && terminal.err().contains("4/4"), terminal.err());
        assertTrue(terminal.err().contains("\r"), "redrawn in place");
        CliRun ci = run(false, "preview", pdf, "--out", temp.resolve("b").toString(), "--dpi", "12", "--pages", "1-4");
        assertEquals(0, ci.code(), ci.err());
        assertEquals("", ci.err());
        CliRun verbose = run(false, "preview", pdf, "--out", temp.resolve("c").toString(), "--dpi", "12", "--pages", "1-4", "-v");
        assertEquals(4, verbose.err().lines().filter(l -> l.matches("brochure: pages \\d+ of 4")).count(),
                verbose.err());
    }
}
