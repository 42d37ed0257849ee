package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.inspect.verify.Rule;
import dev.brochure.testing.OptmlBrochure;
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
        CliRun run = CliRun.of("verify", OptmlBrochure.pdf().toString(), "--content", OptmlBrochure.CONTENT.toString(),
                "--max-size", "20M");
        assertEquals(ExitCode.OK, run.code(), run.toString());
        assertTrue(run.out().matches("(?s).*: ok: pages, font-embedded, missing-glyph, image-resolution \\(>= 120 ppi\\),"
                + " link-target, text-on-page, content-text \\(\\d+ text units\\), file-size \\(<= 20.0 MB\\)\\n"),
                run.out());
        assertEquals("", run.err());
    }

    @Test
    void aBrokenPdfFailsWithOneLinePerProblemAndExit1() {
        Path pdf = TestPdfs.write(dir.resolve("flawed.pdf"), EnumSet.allOf(Flaw.class));
        CliRun run = CliRun.of("verify", pdf.toString(), "--content", OptmlBrochure.CONTENT.toString(), "--max-size", "1k");
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
        // Every rule but 'pages', which only a PDF without pages breaks (VerifierTest).
        assertEquals(new TreeSet<>(Arrays.stream(Rule.values()).filter(r -> r != Rule.PAGES).map(Rule::id).toList()),
                rules);
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
