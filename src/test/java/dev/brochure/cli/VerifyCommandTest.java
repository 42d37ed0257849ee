package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.inspect.verify.Rule;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.testing.TestPdfs;
import dev.brochure.testing.TestPdfs.Flaw;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void theOptmlBrochurePassesWithItsContent() {
        CliRun run = CliRun.of("verify", BuiltBrochure.OPTML.pdf().toString(), "--content", BuiltBrochure.OPTML.folder().toString(),
                "--max-size", "20M");
        assertEquals(ExitCode.OK, run.code(), run.toString());
        assertTrue(run.out().matches("(?s).*: ok: pages, font-embedded, missing-glyph, image-resolution \\(>= 120 ppi\\),"
                + " link-target, text-on-page, tagged, contrast, content-text \\(\\d+ text units\\), file-size \\(<= 20.0 MB\\)\\n"),
                run.out());
        assertEquals("", run.err());
    }

    /** Issue 16: --pdfx adds the PDF/X-4 rule; the screen edition fails it, page by page. */
    @Test
    void pdfxChecksThePrintRequirementsOfAPdf() {
        CliRun run = CliRun.of("verify", "--pdfx", BuiltBrochure.OPTML.pdf().toString());
        assertEquals(ExitCode.USER_ERROR, run.code(), run.toString());
        List<String> lines = run.err().lines().toList();
        String file = BuiltBrochure.OPTML.pdf().toString();
        assertTrue(lines.contains(file + ": pdfx: the catalog has no PDF/X output intent (/OutputIntents with /S"
                + " /GTS_PDFX)"), run.err());
        assertTrue(lines.contains(file + ": pdfx: page 1: no TrimBox (where the printed page is cut)"), run.err());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ": pdfx: page 2: an RGB colour (rg): ")), run.err());
        assertTrue(lines.getLast().endsWith("failed: pdfx"), lines.getLast());
    }

    /**
     * Issue 16, acceptance: {@code brochure build --profile print --strict} exits 0 on the shipped
     * brochure and writes it, and the README's CI line for the print edition passes as well:
     * {@code verify --pdfx --min-ppi 300} on what it wrote.
     */
    @Test
    void theShippedBrochureBuildsStrictlyForPrintAndPassesVerifyAsPdfX4() {
        Path pdf = dir.resolve("out/print.pdf");
        CliRun build = CliRun.of("build", "--content", BuiltBrochure.OPTML.folder().toString(), "--profile", "print",
                "--strict", "-o", pdf.toString());
        assertEquals(ExitCode.OK, build.code(), build.toString());
        assertTrue(Files.isRegularFile(pdf), build.toString());
        assertTrue(build.err().lines().noneMatch(l -> l.contains("ppi")), "no resolution warning: " + build.err());
        CliRun verify = CliRun.of("verify", "--pdfx", "--min-ppi", "300", pdf.toString());
        assertEquals(ExitCode.OK, verify.code(), verify.toString());
        assertTrue(verify.out().contains(": ok: ") && verify.out().contains("image-resolution (>= 300 ppi)")
                && verify.out().contains("pdfx"), verify.out());
    }

    @Test
    void aBrokenPdfFailsWithOneLinePerProblemAndExit1() {
        Path pdf = TestPdfs.write(dir.resolve("flawed.pdf"), EnumSet.allOf(Flaw.class));
        CliRun run = CliRun.of("verify", pdf.toString(), "--content", BuiltBrochure.OPTML.folder().toString(), "--max-size", "1k");
        assertEquals(ExitCode.USER_ERROR, run.code(), run.toString());
        assertEquals("", run.out());
        List<String> lines = run.err().lines().toList();
        Pattern line = Pattern.compile(Pattern.quote(pdf.toString()) + ": ([a-z-]+): \\S.*");
        Set<String> rules = new TreeSet<>();
        for (String l : lines.subList(0, lines.size() - 1)) {
            Matcher m = line.matcher(l);
            assertTrue(m.matches(), "not a verify line: " + l);
            rules.add(m.group(1));
        }
        // Every rule but 'pages', which only a PDF without pages breaks (VerifierTest), and pdfx, which
        // --pdfx asks for.
        assertEquals(new TreeSet<>(Arrays.stream(Rule.values()).filter(r -> r != Rule.PAGES && r != Rule.PDFX)
                .map(Rule::id).toList()), rules);
        assertTrue(lines.getLast().startsWith(pdf + ": " + (lines.size() - 1) + " problems; failed: font-embedded,"),
                lines.getLast());
    }

    @Test
    void contentErrorsAndMissingFilesAreUserErrors() throws IOException {
        CliRun missing = CliRun.of("verify", dir.resolve("none.pdf").toString());
        assertEquals(ExitCode.USER_ERROR, missing.code(), missing.toString());
        assertTrue(missing.err().contains("none.pdf: error: file not found"), missing.err());

        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("brochure.yaml"), "title: [unclosed\n");
        CliRun bad = CliRun.of("verify", TestPdfs.wellMade(dir.resolve("ok.pdf")).toString(), "--content", content.toString());
        assertEquals(ExitCode.USER_ERROR, bad.code(), bad.toString());
        assertTrue(bad.err().contains("brochure.yaml:"), bad.err());
    }

    @Test
    void badLimitsAreUsageErrors() {
        Path pdf = TestPdfs.wellMade(dir.resolve("ok.pdf"));
        for (String[] args : List.of(new String[] {"--max-size", "lots"}, new String[] {"--min-ppi", "-1"},
                new String[] {"--min-ppi", "many"})) {
            String[] all = new String[args.length + 2];
            all[0] = "verify";
            all[1] = pdf.toString();
            System.arraycopy(args, 0, all, 2, args.length);
            CliRun run = CliRun.of(all);
            assertEquals(ExitCode.USAGE, run.code(), String.join(" ", all) + "\n" + run);
        }
        CliRun ok = CliRun.of("verify", pdf.toString(), "--max-size", "2.5M", "--min-ppi", "300");
        assertEquals(ExitCode.OK, ok.code(), ok.toString());
        assertTrue(ok.out().contains("file-size (<= 2.5 MB)"), ok.out());
    }
}
