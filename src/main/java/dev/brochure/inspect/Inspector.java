package dev.brochure.inspect;

import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.inspect.report.Box;
import dev.brochure.inspect.report.ImageInfo;
import dev.brochure.inspect.report.InspectReport;
import dev.brochure.inspect.report.LinkInfo;
import dev.brochure.inspect.report.OffPageText;
import dev.brochure.inspect.report.Metadata;
import dev.brochure.inspect.report.OutlineItem;
import dev.brochure.inspect.report.PageInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * The inspect stage: reads any PDF with PDFBox and reports what a designer or a CI gate needs to
 * know about it ({@link InspectReport}). It never changes the file.
 */
public final class Inspector {

    /** Deeper outlines than this are cut: real ones are a few levels deep, broken ones may loop. */
    private static final int MAX_OUTLINE_DEPTH = 32;

    private Inspector() {
    }

    public static InspectReport inspect(Path file) {
        try (PDDocument document = PdfFiles.open(file)) {
            return inspect(document, file);
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(file), "cannot close the PDF: " + e.getMessage(), null);
        }
    }

    /** Reports on a document that is already open; {@code file} is where it was read from. */
    public static InspectReport inspect(PDDocument document, Path file) {
        try {
            List<PageInfo> pages = new ArrayList<>();
            List<ImageInfo> images = new ArrayList<>();
            List<LinkInfo> links = new ArrayList<>();
            FontTally fonts = new FontTally();
            List<OffPageText> offPage = new ArrayList<>();
            Targets targets = new Targets(document);
            int number = 1;
            for (PDPage page : document.getPages()) {
                pages.add(page(page, number));
                PageScanner scanner = new PageScanner(page, number, fonts, images);
                scanner.scan();
                scanner.offPage().ifPresent(offPage::add);
                links.addAll(links(page, number, targets));
                number++;
            }
            return new InspectReport(SourceLocation.of(file).file(), Files.size(file), version(document),
                    document.isEncrypted(), metadata(document), pages, fonts.fonts(), images, links,
                    outline(document, targets), fonts.problems(), offPage);
        } catch (IOException | RuntimeException e) {
            throw BrochureException.of(SourceLocation.of(file), "cannot read the PDF's content (" + e.getMessage() + ")",
                    "the file is damaged; build or download it again");
        }
    }

    private static String version(PDDocument document) {
        return String.format(Locale.ROOT, "%.1f", document.getVersion());
    }

    private static Metadata metadata(PDDocument document) {
        PDDocumentInformation info = document.getDocumentInformation();
        return new Metadata(info.getTitle(), info.getAuthor(), info.getSubject(), info.getKeywords(),
                info.getCreator(), info.getProducer(), date(info.getCreationDate()), date(info.getModificationDate()),
                document.getDocumentCatalog().getLanguage());
    }

    private static String date(Calendar calendar) {
        return calendar == null ? null : DateTimeFormatter.ISO_INSTANT.format(calendar.toInstant());
    }

    private static PageInfo page(PDPage page, int number) {
        COSDictionary dict = page.getCOSObject();
        return new PageInfo(number, page.getRotation(), box(page.getMediaBox()),
                inheritedOrOwn(dict, COSName.CROP_BOX) ? box(page.getCropBox()) : null,
                dict.containsKey(COSName.TRIM_BOX) ? box(page.getTrimBox()) : null,
                dict.containsKey(COSName.BLEED_BOX) ? box(page.getBleedBox()) : null);
    }

    /** The crop box may be set on a parent node of the page tree and inherited. */
    private static boolean inheritedOrOwn(COSDictionary page, COSName key) {
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (COSDictionary node = page; node != null && seen.add(node); ) {
            if (node.containsKey(key)) {
                return true;
            }
            COSBase parent = node.getDictionaryObject(COSName.PARENT, COSName.P);
            node = parent instanceof COSDictionary d ? d : null;
        }
        return false;
    }

    private static Box box(PDRectangle r) {
        return new Box(r.getLowerLeftX(), r.getLowerLeftY(), r.getWidth(), r.getHeight());
    }

    private static List<LinkInfo> links(PDPage page, int number, Targets targets) throws IOException {
        List<LinkInfo> links = new ArrayList<>();
        for (PDAnnotation annotation : page.getAnnotations()) {
            if (annotation instanceof PDAnnotationLink link) {
                links.add(new LinkInfo(number, box(link.getRectangle()), targets.of(link::getDestination, link::getAction)));
            }
        }
        return links;
    }

    private static List<OutlineItem> outline(PDDocument document, Targets targets) {
        PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
        return outline == null ? List.of()
                : children(outline, targets, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static List<OutlineItem> children(PDOutlineNode node, Targets targets, int depth, Set<COSDictionary> seen) {
        List<OutlineItem> items = new ArrayList<>();
        if (depth >= MAX_OUTLINE_DEPTH) {
            return items;
        }
        for (PDOutlineItem item : node.children()) {
            if (!seen.add(item.getCOSObject())) {
                break;
            }
            String title = item.getTitle() == null ? "" : item.getTitle();
            items.add(new OutlineItem(title, targets.of(item::getDestination, item::getAction),
                    children(item, targets, depth + 1, seen)));
        }
        return items;
    }
}
