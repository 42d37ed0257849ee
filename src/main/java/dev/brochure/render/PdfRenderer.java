package dev.brochure.render;

import dev.brochure.diag.BrochureException;
import dev.brochure.world.MemoryBudget;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.vocab.DocumentInfo;
import dev.brochure.world.Workspace;
import dev.brochure.typeset.page.Destination;
import dev.brochure.typeset.page.OutlineEntry;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.typeset.page.PageItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.GregorianCalendar;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDestination;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfOutline;
import org.openpdf.text.pdf.PdfSpotColor;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The render stage: writes a typeset document as PDF with OpenPDF (pages, embedded subset
 * fonts, images, links, bookmarks and metadata). This is the only place OpenPDF is used.
 */
public final class PdfRenderer {

    /** The PDF/X version a print file conforms to. */
    static final String PDFX_VERSION = "PDF/X-4";

    private PdfRenderer() {
    }

    /**
     * Writes the PDF. The same document and options always give the same bytes: dates come from
     * the options, font subset tags from the fonts and the glyphs used, the file identifier from
     * the content. Fonts and images come from {@code workspace}.
     */
    public static void render(TypesetDocument doc, RenderOptions options, Workspace workspace, OutputStream out) {
        ByteArrayOutputStream buffer = new BoundedBuffer(MemoryBudget.ofThisProcess(), 1 << 20);
        write(doc, options, workspace, new FileIdentifier.Fingerprint(buffer), null);
        try {
            buffer.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The PDF's bytes, as {@link #render(TypesetDocument, RenderOptions, Workspace, OutputStream)}
     * writes them, with the work that {@code cache} keeps from earlier renders of a batch reused.
     */
    public static byte[] render(TypesetDocument doc, RenderOptions options, Workspace workspace, RenderCache cache) {
        BoundedBuffer buffer = new BoundedBuffer(MemoryBudget.ofThisProcess(), cache.bufferSize());
        write(doc, options, workspace, new FileIdentifier.Fingerprint(buffer), cache);
        cache.sized(buffer.size());
        return buffer.bytes();
    }

    /**
     * The PDF in memory until its identifier is stamped, refusing to grow past what the budget
     * allows a PDF: a message instead of running out of memory in the middle of OpenPDF.
     */
    private static final class BoundedBuffer extends ByteArrayOutputStream {
        private final MemoryBudget budget;

        BoundedBuffer(MemoryBudget budget, int size) {
            super((int) Math.max(1, Math.min(size, budget.pdfBytes())));
            this.budget = budget;
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        private void check(int more) {
            if (count + (long) more > budget.pdfBytes()) {
                throw BrochureException.of(SourceLocation.of("output"), "the PDF grows beyond "
                        + MemoryBudget.size(budget.pdfBytes()) + ", more than it may in " + budget.heap(),
                        "use fewer or smaller images (or --profile screen), fewer pages, or give Java more memory"
                                + " (JAVA_TOOL_OPTIONS=-Xmx2g)");
            }
        }

        /** The bytes, without a copy when the buffer was allocated exactly large enough. */
        synchronized byte[] bytes() {
            return count == buf.length ? buf : toByteArray();
        }
    }

    private static void write(TypesetDocument doc, RenderOptions options, Workspace workspace,
            FileIdentifier.Fingerprint out, RenderCache cache) {
        Page first = doc.pages().isEmpty() ? null : doc.pages().getFirst();
        Rectangle size = first == null ? new Rectangle(595, 842) : mediaBox(first, options);
        Document document = new Document(size, 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            // PDF/X-4 is a subset of PDF 1.6.
            writer.setPdfVersion(options.pdfx() ? PdfWriter.VERSION_1_6 : PdfWriter.VERSION_1_7);
            writer.setCompressionLevel(6);
            if (options.compactObjects()) {
                writer.setFullCompression();
            }
            metadata(document, writer, doc.info(), options);
            // Tagged: a structure tree, MarkInfo, and every page's StructParents (see StructureTree).
            writer.setTagged();
            // Pages with links are read in the order of their structure (PDF/UA).
            writer.setTabs(PdfName.S);
            FileIdentifier.install(writer, out);
            if (first != null) {
                // OpenPDF copies the boxes into a page when it starts it: the first at open().
                pageBoxes(writer, first, options);
            }
            document.open();
            DocumentFonts fonts = new DocumentFonts(writer, doc.pages(), new PdfFonts(workspace)::get);
            StructureTree tree = new StructureTree(writer, doc.structure());
            Colors colors = options.pdfx() ? new Colors(OutputIntents.srgb(writer)) : Colors.device();
            PdfSpotColor registration = CropMarks.registration();
            if (options.pdfx()) {
                OutputIntents.pdfx(writer, OutputIntents.FOGRA39);
            }
            PdfImages images = new PdfImages(options.images(), options.cacheDir() == null ? EncodingCache.disabled()
                    : new EncodingCache(options.cacheDir(), options.cacheLimit()), workspace, options.pdfx()
                    ? OutputIntents.iccProfile(OutputIntents.SRGB) : null, cache);
            images.prefetch(doc.pages().stream().flatMap(p -> p.items().stream())
                    .filter(PageItem.PlacedImage.class::isInstance).map(PageItem.PlacedImage.class::cast).toList());
            for (Page page : doc.pages()) {
                document.setPageSize(mediaBox(page, options));
                pageBoxes(writer, page, options);
                document.newPage();
                PdfContentByte cb = writer.getDirectContent();
                double offset = page.bleed() + options.slug();
                new PageDrawer(cb, images, fonts, tree, colors, !options.pdfx(), page, offset, cache).draw(page);
                if (options.cropMarks()) {
                    CropMarks.draw(cb, registration, page.width(), page.height(), offset, page.bleed());
                }
                destinations(cb, doc.destinations(), page, offset);
                writer.setPageEmpty(false);
            }
            fonts.write(writer, cache);
            tree.finish();
            outline(writer, doc, options);
            dates(writer, options);
            if (options.pdfx()) {
                pdfx(writer);
            }
            writer.setXmpMetadata(XmpMetadata.of(doc.info(), options.producer(), Document.getVersion(), options.date(),
                    options.archive(), options.pdfx() ? PDFX_VERSION : null));
            if (options.archive()) {
                OutputIntents.pdfaSrgb(writer);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF writing failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Rectangle mediaBox(Page page, RenderOptions options) {
        double margin = 2 * (page.bleed() + options.slug());
        return new Rectangle((float) (page.width() + margin), (float) (page.height() + margin));
    }

    /** TrimBox and BleedBox, for print: where the page is cut, and how far its art runs beyond. */
    private static void pageBoxes(PdfWriter writer, Page page, RenderOptions options) {
        double offset = page.bleed() + options.slug();
        if (offset <= 0) {
            writer.setBoxSize("trim", null);
            writer.setBoxSize("bleed", null);
            return;
        }
        writer.setBoxSize("trim", new Rectangle((float) offset, (float) offset, (float) (offset + page.width()),
                (float) (offset + page.height())));
        double b = options.slug();
        writer.setBoxSize("bleed", new Rectangle((float) b, (float) b, (float) (offset + page.width() + page.bleed()),
                (float) (offset + page.height() + page.bleed())));
    }

    private static void metadata(Document document, PdfWriter writer, DocumentInfo info, RenderOptions options) {
        document.addTitle(info.title());
        if (!info.author().isBlank()) {
            document.addAuthor(info.author());
        }
        if (!info.subject().isBlank()) {
            document.addSubject(info.subject());
        }
        if (!info.keywords().isEmpty()) {
            document.addKeywords(String.join(", ", info.keywords()));
        }
        document.addCreator(options.producer());
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(info.language()));
        // Viewers show the title rather than the file name.
        writer.addViewerPreference(PdfName.DISPLAYDOCTITLE, org.openpdf.text.pdf.PdfBoolean.PDFTRUE);
    }

    /**
     * The PDF/X-4 identification in the information dictionary ({@code /GTS_PDFXVersion},
     * {@code /Trapped /False}: no trapping was applied); the XMP metadata repeats it
     * ({@link XmpMetadata}). The output intent and the colour spaces are written with the pages.
     */
    private static void pdfx(PdfWriter writer) {
        writer.getInfo().put(new PdfName("GTS_PDFXVersion"), new PdfString(PDFX_VERSION));
        writer.getInfo().put(PdfName.TRAPPED, new PdfName("False"));
    }

    private static void dates(PdfWriter writer, RenderOptions options) {
        PdfDate date = new PdfDate(GregorianCalendar.from(options.date()));
        writer.getInfo().put(PdfName.CREATIONDATE, date);
        writer.getInfo().put(PdfName.MODDATE, date);
    }

    private static void destinations(PdfContentByte cb, List<Destination> destinations, Page page, double offset) {
        for (Destination d : destinations) {
            if (d.pageIndex() == page.number() - 1) {
                float top = (float) (page.height() + offset - d.y());
                cb.localDestination(d.name(), new PdfDestination(PdfDestination.XYZ, -1, top, 0));
            }
        }
    }

    private static void outline(PdfWriter writer, TypesetDocument doc, RenderOptions options) {
        PdfOutline root = writer.getDirectContent().getRootOutline();
        for (OutlineEntry entry : doc.outline()) {
            add(root, entry, writer, doc, options);
        }
    }

    private static void add(PdfOutline parent, OutlineEntry entry, PdfWriter writer, TypesetDocument doc,
            RenderOptions options) {
        Page page = doc.pages().get(entry.pageIndex());
        float top = (float) (page.height() + page.bleed() + options.slug() - entry.y());
        PdfAction action = PdfAction.gotoLocalPage(entry.pageIndex() + 1,
                new PdfDestination(PdfDestination.XYZ, -1, top, 0), writer);
        PdfOutline node = new PdfOutline(parent, action, entry.title(), false);
        for (OutlineEntry child : entry.children()) {
            add(node, child, writer, doc, options);
        }
    }
}
