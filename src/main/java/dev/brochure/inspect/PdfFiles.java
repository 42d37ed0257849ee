package dev.brochure.inspect;

import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
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
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A pipe or a device: opening it could block for ever, and it holds no PDF.
            throw BrochureException.of(where, "is not a regular file (a pipe, a device or a socket)",
                    "give the path of a PDF file");
        }
        if (!Files.isRegularFile(file)) {
            throw BrochureException.of(where, "file not found",
                    "check the path, or run './brochure build' first to make out/brochure.pdf");
        }
        PDDocument document;
        try {
            document = Loader.loadPDF(file.toFile());
        } catch (InvalidPasswordException e) {
            throw BrochureException.of(where, "the PDF is protected by a password", "inspect an unprotected copy");
        } catch (IOException | RuntimeException e) {
            throw BrochureException.of(where, "not a readable PDF (" + reason(e) + ")",
                    "the file may be truncated or not a PDF at all; build or download it again");
        }
        Optional<String> broken = pageTreeProblem(document);
        if (broken.isPresent()) {
            try {
                document.close();
            } catch (IOException ignored) {
                // the problem found is what matters
            }
            throw BrochureException.of(where, "the PDF's page tree is damaged: " + broken.get(),
                    "build or download the file again; a PDF viewer may show wrong pages or none");
        }
        return document;
    }

    /** Deeper page trees than this are damaged: real ones are a few levels deep. */
    private static final int MAX_PAGE_TREE_DEPTH = 64;

    /**
     * What is wrong with the tree of pages, if anything: a node that contains itself (PDFBox
     * fails on such a tree only when it is asked for a page, with "Possible recursion found"),
     * or a count of pages that is not the number of pages the tree holds.
     */
    static Optional<String> pageTreeProblem(PDDocument document) {
        COSDictionary root = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
        if (root == null) {
            return Optional.empty(); // PDFBox reads this as a PDF without pages
        }
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Map.Entry<COSDictionary, Integer>> open = new ArrayDeque<>();
        open.push(Map.entry(root, 0));
        long leaves = 0;
        while (!open.isEmpty()) {
            Map.Entry<COSDictionary, Integer> next = open.pop();
            COSDictionary node = next.getKey();
            if (!seen.add(node)) {
                return Optional.of("it loops back on itself (a node of it contains itself)");
            }
            if (next.getValue() > MAX_PAGE_TREE_DEPTH) {
                return Optional.of("it is more than " + MAX_PAGE_TREE_DEPTH + " levels deep");
            }
            COSArray kids = node.getCOSArray(COSName.KIDS);
            boolean isNode = COSName.PAGES.equals(node.getCOSName(COSName.TYPE)) || kids != null;
            if (!isNode) {
                leaves++;
                continue;
            }
            if (kids != null) {
                for (int i = kids.size() - 1; i >= 0; i--) {
                    if (kids.getObject(i) instanceof COSDictionary kid) {
                        open.push(Map.entry(kid, next.getValue() + 1));
                    }
                }
            }
        }
        int declared = document.getNumberOfPages();
        if (declared != leaves) {
            return Optional.of("it says it holds " + declared + " pages but holds " + leaves);
        }
        return Optional.empty();
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }
}
