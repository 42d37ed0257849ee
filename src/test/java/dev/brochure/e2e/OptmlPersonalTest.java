package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Copies;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.pipeline.batch.Batch;
import dev.brochure.pipeline.batch.BatchListener;
import dev.brochure.pipeline.batch.BatchRequest;
import dev.brochure.pipeline.batch.BatchResult;
import dev.brochure.recipients.RecipientsReader;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.vocab.Recipient;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import dev.brochure.testing.VeraPdf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OPTML brochure's personalisation: copies for the readers of
 * {@code brochure-content/recipients.example.csv} carry their name and programme on the cover
 * and, for readers with a note, a page with it; the brochure {@code build} makes is byte for
 * byte the brochure as it was before the personalisation was written into its content.
 */
class OptmlPersonalTest {

    @TempDir
    Path temp;

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Text without any whitespace: tracked capitals (the cover's kicker) extract letter by letter. */
    private static String squeezed(String text) {
        return PdfFiles.spaces(text).replaceAll("\\s+", "");
    }

    @Test
    void theBrochureWithoutRecipientsIsByteForByteTheOneBeforePersonalisation() throws Exception {
        Path personal = temp.resolve("personal");
        Path before = temp.resolve("before");
        TestProject.copyTree(BuiltBrochure.OPTML.folder(), personal);
        TestProject.copyTree(BuiltBrochure.OPTML.folder(), before);
        // The content as it was: no kicker on the cover, no note section.
        String cover = Files.readString(before.resolve("sections/01-cover.yaml"));
        assertTrue(cover.contains("{{recipient.first_name}}"), "the cover names its reader");
        Files.writeString(before.resolve("sections/01-cover.yaml"), cover.replaceAll("(?m)^(#.*|kicker:.*)\\R", ""));
        String brochure = Files.readString(before.resolve("brochure.yaml"));
        assertTrue(brochure.contains("sections/personal-note.yaml"));
        Files.writeString(before.resolve("brochure.yaml"), brochure.replaceAll("(?m)^.*personal-note.*\\R", ""));
        Files.delete(before.resolve("sections/personal-note.yaml"));

        Pipeline pipeline = new Pipeline(Map.of());
        Path one = temp.resolve("personal.pdf");
        Path two = temp.resolve("before.pdf");
        pipeline.build(BuildRequest.of(personal, one).withProjectRoot(TestProject.REPO));
        pipeline.build(BuildRequest.of(before, two).withProjectRoot(TestProject.REPO));
        assertEquals(sha256(two), sha256(one));
        try (PDDocument doc = PdfFiles.open(one)) {
            assertEquals(16, doc.getNumberOfPages());
            assertFalse(squeezed(PdfFiles.text(doc)).contains("Preparedfor"));
        }
    }

    @Test
    void eachReaderGetsTheirNameAndProgrammeOnTheCoverAndTheirNoteOnAPageOfItsOwn() throws Exception {
        Path out = temp.resolve("out");
        BatchRequest request = BatchRequest.of(BuiltBrochure.OPTML.request(temp.resolve("unused.pdf")),
                BuiltBrochure.OPTML.folder().resolve("recipients.example.csv"), out);
        BatchResult result = Batch.run(new Pipeline(Map.of()), request, BatchListener.none());
        assertEquals(4, result.built());
        assertEquals(0, result.failed(), result.failures().toString());

        try (PDDocument ada = PdfFiles.open(out.resolve("Ada-Lovelace.pdf"))) {
            assertEquals(17, ada.getNumberOfPages(), "the note is one more page");
            String cover = squeezed(PdfFiles.pageText(ada, 1));
            assertTrue(cover.contains("PREPAREDFORADALOVELACE·PHDINCOMPUTERSCIENCE"), cover);
            String note = PdfFiles.spaces(PdfFiles.pageText(ada, 2)).replaceAll("\\s+", " ");
            assertTrue(note.contains("Dear Ada,"), note);
            assertTrue(note.contains("Your work on analytical engines caught our eye."), note);
            assertTrue(note.contains("Apply by: December 15, 2025"), note);
            assertTrue(note.contains("Dr. Sijia Liu, your prospective advisor at OPTML"), note);
            String all = squeezed(PdfFiles.text(ada));
            for (String other : new String[] {"Turing", "Hopper", "Katherine", "Alan"}) {
                assertFalse(all.contains(other), "no other reader: " + other);
            }
        }
        try (PDDocument grace = PdfFiles.open(out.resolve("Grace-Hopper.pdf"))) {
            assertEquals(16, grace.getNumberOfPages(), "no note, no note page");
            assertTrue(squeezed(PdfFiles.pageText(grace, 1)).contains("PREPAREDFORGRACEHOPPER·MSINCOMPUTERSCIENCE"));
            assertFalse(PdfFiles.text(grace).contains("A personal note"));
        }
        try (PDDocument alan = PdfFiles.open(out.resolve("Alan-Turing.pdf"))) {
            String note = PdfFiles.spaces(PdfFiles.pageText(alan, 2)).replaceAll("\\s+", " ");
            assertTrue(note.contains("Your question about “what machines can learn to forget” is exactly"), note);
        }
    }

    /**
     * A copy is as accessible as the brochure: veraPDF finds each PDF/UA-1 compliant, a copy with
     * the note page (whose section is the copy's own) and one without, both built after others
     * in one run, so the sections typeset once for all copies are tagged right in each.
     */
    @Test
    void batchCopiesArePdfUa1() throws Exception {
        Path out = temp.resolve("out");
        BatchRequest request = BatchRequest.of(BuiltBrochure.OPTML.request(temp.resolve("unused.pdf")),
                BuiltBrochure.OPTML.folder().resolve("recipients.example.csv"), out).withJobs(2);
        BatchResult result = Batch.run(new Pipeline(Map.of()), request, BatchListener.none());
        assertEquals(0, result.failed(), result.failures().toString());
        for (String copy : List.of("Ada-Lovelace.pdf", "Grace-Hopper.pdf")) {
            VeraPdf.Verdict verdict = VeraPdf.pdfUa1(out.resolve(copy));
            assertTrue(verdict.compliant(), copy + ": " + verdict);
            assertEquals(0, verdict.failedChecks(), copy + ": " + verdict);
        }
    }

    /**
     * Copies share the run's work (layouts and typesetting of shared sections, font subsets, page
     * text, prepared images); a copy made after others is still byte for byte the copy made
     * alone.
     */
    @Test
    void aCopyMadeAfterOthersIsByteForByteTheCopyMadeAlone() throws Exception {
        List<Recipient> readers = RecipientsReader.read(BuiltBrochure.OPTML.folder().resolve("recipients.example.csv")).rows()
                .stream().map(r -> r.recipient()).toList();
        BuildRequest request = BuiltBrochure.OPTML.request(temp.resolve("unused.pdf"));
        Copies batch = new Pipeline(Map.of()).copies(request);
        for (Recipient reader : readers.subList(1, readers.size())) {
            batch.build(reader);
        }
        byte[] afterOthers = batch.build(readers.getFirst()).pdf();
        byte[] alone = new Pipeline(Map.of()).copies(request).build(readers.getFirst()).pdf();
        assertArrayEquals(alone, afterOthers);
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(afterOthers)) {
            assertEquals(17, doc.getNumberOfPages());
        }
    }
}
