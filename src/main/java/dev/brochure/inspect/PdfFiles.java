package dev.brochure.inspect;

import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens PDFs for the inspect stage. Any PDF may come in, including ones this tool did not make,
 * so every way of failing becomes a {@link BrochureException} saying {@code path: what is wrong}.
 */
public final class PdfFiles {

    /**
     * PDFBox logs through java.util.logging by default and warns about every oddity of a file
     * (a missing Unicode mapping, a repaired cross-reference table) on standard error. Those are
     * exactly what inspect reports in its own words, so its loggers stay silent. The loggers are
     * kept here because java.util.logging holds them only weakly, and would forget the level.
     */
    private static final Logger[] QUIET = {Logger.getLogger("org.apache.pdfbox"), Logger.getLogger("org.apache.fontbox")};

    static {
        for (Logger logger : QUIET) {
            logger.setLevel(Level.OFF);
        }
    }

    private PdfFiles() {
    }

    /** Opens a PDF; the caller closes it. */
    public static PDDocument open(Path file) {
        SourceLocation where = SourceLocation.of(file);
        if (Files.isDirectory(file)) {
            throw BrochureException.of(where, "is a folder, not a PDF file", "give the path of a PDF file");
        }
        if (!Files.isRegularFile(file)) {
            throw BrochureException.of(where, "file not found",
                    "check the path, or run './brochure build' first to make out/brochure.pdf");
        }
        try {
            return Loader.loadPDF(file.toFile());
        } catch (InvalidPasswordException e) {
            throw BrochureException.of(where, "the PDF is protected by a password", "inspect an unprotected copy");
        } catch (IOException | RuntimeException e) {
            throw BrochureException.of(where, "not a readable PDF (" + reason(e) + ")",
                    "the file may be truncated or not a PDF at all; build or download it again");
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }
}
