package dev.brochure.render;

import dev.brochure.vocab.Rgb;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Rect;
import java.io.IOException;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfContentByte;

/**
 * Draws one typeset page with OpenPDF. It only translates: page coordinates (y down from the
 * trim box's top) become PDF coordinates (y up from the media box's bottom), and every glyph is
 * put exactly where typesetting placed it. No layout decision is taken here.
 */
final class PageDrawer {

    private final PdfContentByte cb;
    private final PdfImages images;
    private final TextForms text;
    private final double height;
    private final double offset;

    /** {@code offset}: from the media box's edge to the trim box's (bleed plus any slug). */
    PageDrawer(PdfContentByte cb, PdfImages images, DocumentFonts fonts, Page page, double offset) {
        this(cb, images, fonts, page, offset, null);
    }

    /** {@code cache} (may be null) keeps the compressed text of earlier renders of a batch. */
    PageDrawer(PdfContentByte cb, PdfImages images, DocumentFonts fonts, Page page, double offset, RenderCache cache) {
        this.cb = cb;
        this.images = images;
        this.offset = offset;
        this.height = page.height() + 2 * offset;
        this.text = new TextForms(cb, fonts, (float) (page.width() + 2 * offset), (float) height, cache);
    }

    void draw(Page page) throws DocumentException, IOException {
        if (page.background() != null) {
            // The background covers the page and its bleed, never the slug with the marks.
            double b = page.bleed();
            fill(page.background());
            cb.rectangle(x(-b), y(page.height() + b), (float) (page.width() + 2 * b), (float) (page.height() + 2 * b));
            cb.fill();
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
        cb.setRGBColorFill(c.red(), c.green(), c.blue());
    }

    private void stroke(Rgb c) {
        cb.setRGBColorStroke(c.red(), c.green(), c.blue());
    }

    private void path(Rect r, double radius) {
        if (radius > 0) {
            cb.roundRectangle(x(r.x()), y(r.bottom()), (float) r.width(), (float) r.height(), (float) radius);
        } else {
            cb.rectangle(x(r.x()), y(r.bottom()), (float) r.width(), (float) r.height());
        }
    }

    private void box(PageItem.Box box) {
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
    }

    private void line(PageItem.Line line) {
        stroke(line.color());
        cb.setLineWidth((float) line.width());
        cb.moveTo(x(line.x1()), y(line.y1()));
        cb.lineTo(x(line.x2()), y(line.y2()));
        cb.stroke();
    }

    private void image(PageItem.PlacedImage placed) throws DocumentException {
        PdfImages.Prepared prepared = images.get(placed);
        Rect drawn = prepared.drawn();
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
    }

    /** Glyphs at their typeset positions, in the document's own fonts (see {@link TextForms}). */
    private void text(PageItem.GlyphRun run) {
        Rgb c = run.color();
        text.show(run, x(run.x()), y(run.baseline()), c.red(), c.green(), c.blue());
    }

    /**
     * The dark modules of a QR code as one filled path of rectangles, each a run of dark modules
     * along a row, so neighbouring modules leave no seam between them.
     */
    private void qr(PageItem.QrCode qr) {
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
    }

    private void link(PageItem.Link link) {
        Rect r = link.rect();
        PdfAction action = link.target().startsWith("#")
                ? PdfAction.gotoLocalPage(link.target().substring(1), false)
                : new PdfAction(link.target());
        cb.setAction(action, x(r.x()), y(r.bottom()), x(r.right()), y(r.y()));
    }
}
