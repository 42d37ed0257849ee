package dev.brochure.render;

import dev.brochure.vocab.Rgb;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Rect;
import java.io.IOException;
import org.openpdf.text.DocumentException;
import dev.brochure.typeset.page.StructRole;
import dev.brochure.typeset.page.Tag;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfAnnotation;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Draws one typeset page with OpenPDF. It only translates: page coordinates (y down from the
 * trim box's top) become PDF coordinates (y up from the media box's bottom), and every glyph is
 * put exactly where typesetting placed it. No layout decision is taken here.
 */
final class PageDrawer {

    private final PdfContentByte cb;
    private final PdfImages images;
    private final TextForms text;
    private final StructureTree tree;
    private final Colors colors;
    private final boolean links;
    private final double height;
    private final double offset;

    /**
     * {@code offset}: from the media box's edge to the trim box's (bleed plus any slug);
     * {@code colors}: how colours are written; {@code links}: whether links become annotations
     * (not in a file for print, where they could not be clicked and PDF/X wants none on the page);
     * {@code cache} (may be null) keeps the compressed text of earlier renders of a batch.
     */
    PageDrawer(PdfContentByte cb, PdfImages images, DocumentFonts fonts, StructureTree tree, Colors colors,
            boolean links, Page page, double offset, RenderCache cache) {
        this.cb = cb;
        this.images = images;
        this.tree = tree;
        this.colors = colors;
        this.links = links;
        this.offset = offset;
        this.height = page.height() + 2 * offset;
        this.text = new TextForms(cb, fonts, tree, colors, (float) (page.width() + 2 * offset), (float) height, cache);
    }

    /**
     * Draws the page's items in their order. What is not text is marked on the page itself: a
     * picture as its figure's content, or as an artifact when it is decorative; shapes (boxes,
     * rules, the background) are always artifacts, since they carry no words.
     */
    void draw(Page page) throws DocumentException, IOException {
        colors.onPage(cb);
        if (page.background() != null) {
            // The background covers the page and its bleed, never the slug with the marks.
            double b = page.bleed();
            float left = x(-b);
            float bottom = y(page.height() + b);
            float w = (float) (page.width() + 2 * b);
            float h = (float) (page.height() + 2 * b);
            Artifacts.begin(cb, Tag.Artifact.BACKGROUND, left, bottom, left + w, bottom + h);
            fill(page.background());
            cb.rectangle(left, bottom, w, h);
            cb.fill();
            cb.endMarkedContentSequence();
        }
        for (PageItem item : page.items()) {
            if (!(item instanceof PageItem.GlyphRun || item instanceof PageItem.Link)) {
                text.flush(); // the text so far goes under what comes next
            }
            switch (item) {
                case PageItem.Box box -> box(box);
                case PageItem.Line line -> line(line);
                case PageItem.PlacedImage image -> image(image);
                case PageItem.GlyphRun run -> text(run);
                case PageItem.Link link -> link(link);
                case PageItem.TextLine described -> { } // what a line is, for the typography report; not drawn
                case PageItem.QrCode qr -> qr(qr);
            }
        }
        text.flush();
    }

    private float x(double x) {
        return (float) (x + offset);
    }

    private float y(double y) {
        return (float) (height - (y + offset));
    }

    private void fill(Rgb c) {
        colors.fill(cb, c);
    }

    private void stroke(Rgb c) {
        colors.stroke(cb, c);
    }

    private void path(Rect r, double radius) {
        if (radius > 0) {
            cb.roundRectangle(x(r.x()), y(r.bottom()), (float) r.width(), (float) r.height(), (float) radius);
        } else {
            cb.rectangle(x(r.x()), y(r.bottom()), (float) r.width(), (float) r.height());
        }
    }

    /** What a shape is marked as: its own kind of artifact, or layout for a shape tagged as content. */
    private static Tag.Artifact artifact(Tag tag) {
        return tag instanceof Tag.Artifact a ? a : Tag.Artifact.LAYOUT;
    }

    private void box(PageItem.Box box) {
        Artifacts.begin(cb, artifact(box.tag()));
        if (box.fill() != null) {
            fill(box.fill());
            path(box.rect(), box.radius());
            cb.fill();
        }
        if (box.stroke() != null && box.strokeWidth() > 0) {
            stroke(box.stroke());
            cb.setLineWidth((float) box.strokeWidth());
            double inset = box.strokeWidth() / 2;
            Rect r = box.rect();
            path(new Rect(r.x() + inset, r.y() + inset, r.width() - 2 * inset, r.height() - 2 * inset), box.radius());
            cb.stroke();
        }
        cb.endMarkedContentSequence();
    }

    private void line(PageItem.Line line) {
        Artifacts.begin(cb, artifact(line.tag()));
        stroke(line.color());
        cb.setLineWidth((float) line.width());
        cb.moveTo(x(line.x1()), y(line.y1()));
        cb.lineTo(x(line.x2()), y(line.y2()));
        cb.stroke();
        cb.endMarkedContentSequence();
    }

    private void image(PageItem.PlacedImage placed) throws DocumentException {
        PdfImages.Prepared prepared = images.get(placed);
        Rect drawn = prepared.drawn();
        Rect visible = placed.visible();
        int figure = placed.tag() instanceof Tag.Content c ? tree.element(c) : -1;
        if (figure >= 0 && tree.role(figure) == StructRole.FIGURE) {
            tree.beginFigure(cb, figure, x(visible.x()), y(visible.bottom()), x(visible.right()), y(visible.y()));
        } else {
            // A decorative picture, or one no figure describes: a reader would learn nothing from it.
            Artifacts.begin(cb, Tag.Artifact.LAYOUT);
        }
        cb.saveState();
        if (placed.clip() != null) {
            path(placed.clip(), placed.radius());
            cb.clip();
            cb.newPath();
        }
        float[] m = PdfImages.placement(prepared.orientation(), x(drawn.x()), y(drawn.bottom()),
                (float) drawn.width(), (float) drawn.height());
        cb.addImage(prepared.image(), m[0], m[1], m[2], m[3], m[4], m[5]);
        cb.restoreState();
        cb.endMarkedContentSequence();
    }

    /** Glyphs at their typeset positions, in the document's own fonts (see {@link TextForms}). */
    private void text(PageItem.GlyphRun run) {
        text.show(run, x(run.x()), y(run.baseline()));
    }

    /**
     * The dark modules of a QR code as one filled path of rectangles, each a run of dark modules
     * along a row, so neighbouring modules leave no seam between them.
     */
    private void qr(PageItem.QrCode qr) {
        int figure = qr.tag() instanceof Tag.Content c ? tree.element(c) : -1;
        double side = qr.size() * qr.module();
        if (figure >= 0 && tree.role(figure) == StructRole.FIGURE) {
            tree.beginFigure(cb, figure, x(qr.x()), y(qr.y() + side), x(qr.x() + side), y(qr.y()));
        } else {
            // A code nothing describes: its link (when it is one) still tells where it goes.
            Artifacts.begin(cb, Tag.Artifact.LAYOUT);
        }
        fill(qr.color());
        int n = qr.size();
        double m = qr.module();
        for (int row = 0; row < n; row++) {
            int col = 0;
            while (col < n) {
                if (!qr.isDark(row, col)) {
                    col++;
                    continue;
                }
                int end = col;
                while (end < n && qr.isDark(row, end)) {
                    end++;
                }
                double top = qr.y() + row * m;
                cb.rectangle(x(qr.x() + col * m), y(top + m), (float) ((end - col) * m), (float) m);
                col = end;
            }
        }
        cb.fill();
        cb.endMarkedContentSequence();
    }

    /**
     * A link annotation, printable (PDF/A asks for the flag), described by its {@code Contents}
     * (the link element's description: its text) and tied to its {@code Link} element.
     */
    private void link(PageItem.Link link) {
        if (!links) {
            return;
        }
        Rect r = link.rect();
        PdfAction action = link.target().startsWith("#")
                ? PdfAction.gotoLocalPage(link.target().substring(1), false)
                : new PdfAction(link.target());
        PdfWriter writer = cb.getPdfWriter();
        PdfAnnotation annotation = new PdfAnnotation(writer, x(r.x()), y(r.bottom()), x(r.right()), y(r.y()), action);
        annotation.setFlags(PdfAnnotation.FLAGS_PRINT);
        int node = link.tag() instanceof Tag.Content c ? tree.element(c) : tree.documentElement();
        String description = tree.alt(node);
        annotation.put(PdfName.CONTENTS, new PdfString(description != null ? description : link.target(),
                PdfObject.TEXT_UNICODE));
        int parent = tree.annotation(node, annotation.getIndirectReference(), writer.getCurrentPage());
        annotation.put(PdfName.STRUCTPARENT, new PdfNumber(parent));
        writer.addAnnotation(annotation);
    }
}
