package dev.brochure.inspect;

import dev.brochure.inspect.report.Target;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionRemoteGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;

/**
 * Resolves where links and bookmarks go, and says what is wrong with a target that goes nowhere:
 * a named destination the document does not define, a page that is not in the document, a URI
 * that is not one ({@link UriCheck}).
 */
final class Targets {

    private final PDDocument document;
    private final Map<COSDictionary, Integer> pageNumbers = new IdentityHashMap<>();

    Targets(PDDocument document) {
        this.document = document;
        int n = 1;
        for (PDPage page : document.getPages()) {
            pageNumbers.put(page.getCOSObject(), n++);
        }
    }

    /** Reads a destination; PDFBox throws on a malformed one. */
    interface DestinationReader {
        PDDestination read() throws IOException;
    }

    /** A link annotation's or outline item's target: its destination if it has one, else its action. */
    Target of(DestinationReader destination, Supplier<PDAction> action) {
        PDDestination read;
        try {
            read = destination.read();
        } catch (IOException | RuntimeException e) {
            return new Target("page", null, null, "malformed destination (" + e.getMessage() + ")");
        }
        if (read != null) {
            return destination(read);
        }
        PDAction act = action.get();
        return act == null ? new Target("none", null, null, null) : action(act);
    }

    private Target action(PDAction action) {
        return switch (action) {
            case PDActionURI uri -> uri(uri.getURI());
            case PDActionGoTo goTo -> {
                try {
                    PDDestination destination = goTo.getDestination();
                    yield destination == null ? new Target("page", null, null, "GoTo action without a destination")
                            : destination(destination);
                } catch (IOException | RuntimeException e) {
                    yield new Target("page", null, null, "malformed destination (" + e.getMessage() + ")");
                }
            }
            case PDActionRemoteGoTo remote -> remote(remote);
            default -> {
                String type = action.getSubType();
                // Named actions move within the viewer (next page, ...); every other kind runs something.
                yield new Target("action", type, null, "Named".equals(type) ? null : "a " + type
                        + " action, which a brochure may not carry (it runs code, opens files or sends data)");
            }
        };
    }

    private static Target uri(String uri) {
        if (uri == null) {
            return new Target("uri", null, null, "URI action without a URI");
        }
        return new Target("uri", uri, null, UriCheck.problem(uri).orElse(null));
    }

    private static Target remote(PDActionRemoteGoTo remote) {
        try {
            PDFileSpecification file = remote.getFile();
            String name = file == null ? null : file.getFile();
            return new Target("remote", name, null, name == null ? "remote GoTo action without a file"
                    : "it opens another file, which a brochure may not do (the reader may not have it)");
        } catch (IOException | RuntimeException e) {
            return new Target("remote", null, null, "malformed file specification (" + e.getMessage() + ")");
        }
    }

    private Target destination(PDDestination destination) {
        if (destination instanceof PDNamedDestination named) {
            String name = named.getNamedDestination();
            PDPageDestination resolved;
            try {
                resolved = document.getDocumentCatalog().findNamedDestinationPage(named);
            } catch (IOException | RuntimeException e) {
                resolved = null;
            }
            if (resolved == null) {
                return new Target("named", name, null, "no destination named '" + name + "' in the document");
            }
            Target page = destination(resolved);
            return new Target("named", name, page.page(), page.problem());
        }
        if (destination instanceof PDPageDestination explicit) {
            return page(explicit);
        }
        return new Target("page", null, null, "unknown kind of destination");
    }

    private Target page(PDPageDestination destination) {
        PDPage page = destination.getPage();
        if (page != null) {
            Integer number = pageNumbers.get(page.getCOSObject());
            return number == null ? new Target("page", null, null, "points to a page that is not in the document")
                    : new Target("page", null, number, null);
        }
        int index = destination.getPageNumber();
        int count = pageNumbers.size();
        if (index < 0) {
            return new Target("page", null, null, "destination names no page");
        }
        // An integer instead of a page reference is only meant for other files, but viewers accept it.
        if (index >= count) {
            return new Target("page", null, null, String.format(Locale.ROOT,
                    "page %d is out of range (the document has %d page%s)", index + 1, count, count == 1 ? "" : "s"));
        }
        return new Target("page", null, index + 1, null);
    }
}
