package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code brochure batch} says about bad content, names, options and recipients in YAML. */
class BatchProblemsTest {

    @TempDir
    Path temp;

    private TestProject project;
    private Path out;

    @BeforeEach
    void project() {
        project = TestProject.copy("personal", temp.resolve("p"));
        TestProject.copyTree(TestProject.REPO.resolve("fonts"), temp.resolve("p/fonts"));
        out = temp.resolve("out");
    }

    private CliRun batch(String recipients, String name, String... more) throws IOException {
        Path file = Files.writeString(temp.resolve(name), recipients);
        List<String> args = new ArrayList<>(List.of("batch", "--recipients", file.toString(), "--content",
                project.content().toString(), "--out", out.toString(), "--progress", "lines"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private List<String> files() throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPlaceholderOrWhenNamingAFieldTheFileLacksIsAnErrorWhereTheContentNamesItAndNothingIsBuilt() throws IOException {
        CliRun run = batch("first_name,surname,programme\nAda,Lovelace,PhD\n", "r.csv");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("sections/greeting.yaml:3:7: error: a placeholder names the field 'last_name', "
                + "which the recipients file"), run.err());
        assertTrue(run.err().contains("its fields: first_name, surname, programme"), run.err());
        assertTrue(run.err().contains("sections/note.yaml:4:7: error: 'when' names the field 'note'"), run.err());
        assertTrue(run.err().contains("note.yaml:7:5: error: a placeholder names the field 'note'"), run.err());
        assertEquals(List.of(), files(), "nothing is written");
    }

    @Test
    void twoRecordsThatWouldWriteOneFileBothFailNamingBothLines() throws IOException {
        CliRun run = batch("first_name,last_name,note\nAda,Lovelace,\nAlan,Turing,\nADA,lovelace,\n", "r.csv");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("r.csv:2: error: lines 2 and 4 would both write ADA-lovelace.pdf"), run.err());
        assertTrue(run.err().contains("r.csv:4: error: lines 2 and 4 would both write ADA-lovelace.pdf"), run.err());
        assertTrue(run.err().contains("make the name pattern (--name) tell them apart"), run.err());
        assertEquals(List.of("Alan-Turing.pdf", "manifest.jsonl"), files());

        CliRun apart = batch("first_name,last_name,note\nAda,Lovelace,\nAlan,Turing,\nADA,lovelace,\n", "r.csv",
                "--name", "{record}-{last_name}");
        assertEquals(0, apart.code(), apart.toString());
        assertTrue(files().containsAll(List.of("1-Lovelace.pdf", "2-Turing.pdf", "3-lovelace.pdf")), files().toString());
    }

    @Test
    void aNamePatternWithAFieldTheFileLacksIsAnError() throws IOException {
        CliRun run = batch("first_name,last_name,note\nAda,Lovelace,\n", "r.csv", "--name", "{email}");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("the name pattern '{email}' names '{email}', which is no field"), run.err());
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        assertEquals(2, batch("first_name,last_name\nAda,L\n", "r.csv", "--shard", "3/2").code());
        assertTrue(batch("first_name,last_name\nAda,L\n", "r.csv", "--shard", "x").err()
                .contains("'x' is not a shard: write I/N"));
        assertEquals(2, batch("first_name,last_name\nAda,L\n", "r.csv", "--jobs", "0").code());
        CliRun missing = CliRun.of("batch", "--content", project.content().toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--recipients"), missing.err());
    }

    @Test
    void anErrorInASectionEveryCopySharesStopsTheBatchOnceWithItsMessage() throws IOException {
        project.write("layouts/continued.ftlx", "<section start=\"continue\"><p>${section.missing}</p></section>\n");
        StringBuilder csv = new StringBuilder("first_name,last_name,note\n");
        for (int i = 0; i < 20; i++) {
            csv.append("Given").append(i).append(",Family").append(i).append(",\n");
        }
        CliRun run = batch(csv.toString(), "r.csv");
        assertEquals(1, run.code(), run.toString());
        long reports = run.err().lines().filter(l -> l.contains("layout template failed while setting")).count();
        assertEquals(1, reports, "reported once, not once per copy: " + run.err());
        assertTrue(files().stream().noneMatch(f -> f.endsWith(".pdf")), files().toString());
    }

    @Test
    void recipientsMayBeAYamlList() throws IOException {
        CliRun run = batch("""
                - first_name: Ada
                  last_name: Lovelace
                  note: A note in YAML.
                - {first_name: Alan, last_name: Turing, programme: PhD}
                """, "r.yaml");
        assertEquals(0, run.code(), run.toString());
        try (PDDocument ada = PdfFiles.open(out.resolve("Ada-Lovelace.pdf"));
                PDDocument alan = PdfFiles.open(out.resolve("Alan-Turing.pdf"))) {
            assertTrue(PdfFiles.text(ada).contains("A note in YAML."));
            assertTrue(PdfFiles.text(alan).contains("Programme: PhD"));
            assertFalse(PdfFiles.text(alan).contains("Dear"));
        }
    }

    @Test
    void theBrochureWithoutRecipientsLeavesOutWhatNamesThemAndSaysWhyWhenItCannot() throws IOException {
        CliRun build = CliRun.of("build", "--content", project.content().toString(), "-o",
                temp.resolve("generic.pdf").toString());
        assertEquals(1, build.code(), "the greeting's line is required and names the reader");
        assertTrue(build.err().contains("greeting.yaml:3:7: error: this required value names the recipient field "
                + "'first_name', so the brochure without recipients cannot show it"), build.err());
        project.write("layouts/greeting.schema.yaml", "description: x\nfields:\n  line: {type: text}\n")
                .write("layouts/greeting.ftlx", "<section><#if section.line??><h level=\"2\">${section.line}</h></#if>"
                        + "<p>Programme: ${recipient.programme!\"every programme\"}</p></section>\n");
        CliRun generic = CliRun.of("build", "--content", project.content().toString(), "-o",
                temp.resolve("generic.pdf").toString());
        assertEquals(0, generic.code(), generic.toString());
        try (PDDocument doc = PdfFiles.open(temp.resolve("generic.pdf"))) {
            String text = PdfFiles.text(doc);
            assertTrue(text.contains("Programme: every programme") && text.contains("The Story So Far"), text);
            assertFalse(text.contains("Prepared for") || text.contains("Dear"), text);
        }
    }

    @Test
    void editingASectionRebuildsEveryCopyAndEditingARecordOnlyItsOwn() throws IOException {
        String csv = "first_name,last_name,note\nAda,Lovelace,A note.\nAlan,Turing,\nGrace,Hopper,\n";
        CliRun first = batch(csv, "r.csv");
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().contains("batch: 3 built, 0 up to date, 0 failed"), first.out());
        assertTrue(batch(csv, "r.csv").out().contains("batch: 0 built, 3 up to date, 0 failed"));

        project.write("sections/story.yaml", "layout: continued\ntitle: The Story Goes On\nparagraphs:\n  - Edited.\n");
        CliRun edited = batch(csv, "r.csv");
        assertEquals(0, edited.code(), edited.toString());
        assertTrue(edited.out().contains("batch: 3 built, 0 up to date, 0 failed"), edited.out());
        try (PDDocument doc = PdfFiles.open(out.resolve("Grace-Hopper.pdf"))) {
            assertTrue(PdfFiles.text(doc).contains("The Story Goes On"), "built from the edited section");
        }

        CliRun oneRecord = batch(csv.replace("Alan,Turing,", "Alan,Turing,A note for Alan."), "r.csv");
        assertTrue(oneRecord.out().contains("batch: 1 built, 2 up to date, 0 failed"), oneRecord.out());
        try (PDDocument doc = PdfFiles.open(out.resolve("Alan-Turing.pdf"))) {
            assertTrue(PdfFiles.text(doc).contains("A note for Alan."));
        }
    }

    @Test
    void theProfileAndTheSizeBudgetApplyToEveryCopy() throws IOException {
        String csv = "first_name,last_name,note\nAda,Lovelace,\nAlan,Turing,\n";
        CliRun print = batch(csv, "r.csv", "--profile", "print");
        assertEquals(0, print.code(), print.toString());
        for (String name : List.of("Ada-Lovelace.pdf", "Alan-Turing.pdf")) {
            try (PDDocument doc = PdfFiles.open(out.resolve(name))) {
                var page = doc.getPage(0);
                assertTrue(page.getMediaBox().getWidth() > page.getTrimBox().getWidth() + 10,
                        name + ": bleed and slug around the trim box, as build --profile print makes");
            }
        }
        CliRun tiny = batch(csv, "r.csv", "--max-size", "2k");
        assertEquals(1, tiny.code(), tiny.toString());
        assertTrue(tiny.out().contains("batch: 0 built, 0 up to date, 2 failed"), tiny.out());
        assertTrue(tiny.err().contains("r.csv:2: error: the copy Ada-Lovelace.pdf was not built, for the error below"),
                tiny.err());
        assertTrue(tiny.err().contains("r.csv:3: error: the copy Alan-Turing.pdf was not built"), tiny.err());
        assertTrue(tiny.err().contains("error: cannot fit the PDF in 2 kB"), tiny.err());
    }
}
