package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brochure.inspect.report.InspectReport;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.testing.TestPdfs;
import dev.brochure.testing.TestPdfs.Flaw;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    @TempDir
    Path dir;

    @Test
    void jsonOfTheOptmlBrochure() throws IOException {
        CliRun run = CliRun.of("inspect", BuiltBrochure.OPTML.pdf().toString(), "--json");
        assertEquals(ExitCode.OK, run.code(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(InspectReport.SCHEMA, json.get("schema").asText());
        assertEquals(BuiltBrochure.OPTML.content().info().title(), json.get("metadata").get("title").asText());
        assertEquals("", run.err());
    }

    @Test
    void textOfAPdfAnotherToolMadeShowsItsProblems() {
        Path pdf = TestPdfs.write(dir.resolve("flawed.pdf"), EnumSet.of(Flaw.HELVETICA, Flaw.BROKEN_LINKS, Flaw.NOTDEF));
        CliRun run = CliRun.of("inspect", pdf.toString());
        assertEquals(ExitCode.OK, run.code(), "inspect reports; judging is verify's job\n" + run);
        assertTrue(run.out().contains("trim 612.00 x 792.00  bleed 630.00 x 810.00"), run.out());
        assertTrue(run.out().matches("(?s).*Helvetica +Type1 +NOT EMBEDDED.*"), run.out());
        assertTrue(run.out().contains("  page 1   img0") || run.out().contains("300 ppi"), run.out());
        assertTrue(run.out().contains("#nowhere  BROKEN: no destination named 'nowhere' in the document"), run.out());
        assertTrue(run.out().contains("code 0x0000  NO GLYPH"), run.out());
    }

    @Test
    void aMissingOrBrokenFileIsAUserErrorWithoutAStackTrace() throws IOException {
        CliRun missing = CliRun.of("inspect", dir.resolve("nope.pdf").toString());
        assertEquals(ExitCode.USER_ERROR, missing.code());
        assertTrue(missing.err().startsWith(dir.resolve("nope.pdf") + ": error: file not found"), missing.err());
        assertTrue(missing.err().contains("hint: "), missing.err());

        Path broken = Files.write(dir.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes());
        CliRun corrupt = CliRun.of("inspect", "--json", broken.toString());
        assertEquals(ExitCode.USER_ERROR, corrupt.code(), corrupt.toString());
        assertTrue(corrupt.err().startsWith(broken + ": error: "), corrupt.err());
        assertEquals("", corrupt.out(), "nothing half-written on standard output");
        for (CliRun run : new CliRun[] {missing, corrupt}) {
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        }
    }

    @Test
    void twoFilesAreAUsageError() {
        CliRun run = CliRun.of("inspect", "a.pdf", "b.pdf");
        assertEquals(ExitCode.USAGE, run.code(), run.toString());
    }
}
