package dev.brochure.e2e;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.pipeline.BuildResult;
import dev.brochure.pipeline.OutputProfile;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.vocab.Paper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A brochure built as its acceptance tests read it: on A4, on US Letter and with the print
 * profile (which embeds every image byte for byte, so a drawn image can be matched to its file),
 * each PDF opened with PDFBox, and its content folder read.
 */
record BrochureBuilds(BuildResult a4, BuildResult letter, PdfInspection pdf, PdfInspection letterPdf,
        PdfInspection printPdf, BrochureContent content) implements AutoCloseable {

    /** Builds {@code brochure} into {@code temp}: the A4 copy as {@code a4File}, the others as letter.pdf and print.pdf. */
    static BrochureBuilds build(BuiltBrochure brochure, Path temp, String a4File) throws IOException {
        Pipeline pipeline = new Pipeline(Map.of());
        BuildResult a4 = pipeline.build(brochure.request(temp.resolve(a4File)));
        BuildResult letter = pipeline.build(brochure.request(temp.resolve("letter.pdf")).withPaper(Paper.LETTER));
        BuildResult print = pipeline.build(brochure.request(temp.resolve("print.pdf"))
                .withProfile(OutputProfile.PRINT, false));
        BrochureContent content = pipeline.content(brochure.request(temp.resolve(a4File)));
        return new BrochureBuilds(a4, letter, PdfInspection.open(a4.output()), PdfInspection.open(letter.output()),
                PdfInspection.open(print.output()), content);
    }

    @Override
    public void close() throws IOException {
        pdf.close();
        letterPdf.close();
        printPdf.close();
    }
}
