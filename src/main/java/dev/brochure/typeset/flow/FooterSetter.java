package dev.brochure.typeset.flow;

import dev.brochure.vocab.Align;
import dev.brochure.vocab.FooterSpec;
import dev.brochure.vocab.Margins;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.layout.tree.Inline;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Tag;
import dev.brochure.typeset.text.RunTags;
import java.util.List;

/**
 * The running footer of flow pages: the theme's left and right texts, with {@code {page}},
 * {@code {pages}}, {@code {section}} and {@code {title}} filled in, on the footer baseline.
 */
final class FooterSetter {

    private final FooterSpec spec;
    private final TextStyle style;
    private final TextSetter text;
    private final String title;

    FooterSetter(FooterSpec spec, TextStyle style, TextSetter text, String title) {
        this.spec = spec;
        this.style = style;
        this.text = text;
        this.title = title;
    }

    void add(PageDraft page, int pageCount, double pageWidth, double pageHeight) {
        if (page.fixed || !page.master.footer() || style == null) {
            return;
        }
        Margins m = page.master.margins();
        double width = pageWidth - m.left() - m.right();
        double baseline = pageHeight - spec.baseline();
        set(fill(spec.left(), page, pageCount), Align.LEFT, m.left(), width, baseline, page);
        set(fill(spec.right(), page, pageCount), Align.RIGHT, m.left(), width, baseline, page);
        if (spec.rule()) {
            double y = baseline - style.size() * 1.4;
            page.items.add(new PageItem.Line(m.left(), y, m.left() + width, y, style.color(), 0.5, Tag.Artifact.FOOTER));
        }
    }

    private String fill(String template, PageDraft page, int pageCount) {
        return template.replace("{page}", String.valueOf(page.index + 1))
                .replace("{pages}", String.valueOf(pageCount))
                .replace("{section}", page.sectionTitle)
                .replace("{title}", title);
    }

    private void set(String content, Align align, double x, double width, double baseline, PageDraft page) {
        if (content.isBlank()) {
            return;
        }
        List<Inline> run = List.of(new Inline.Run(content, false, false, null, null));
        // The footer is page furniture: an artifact, not read as content.
        for (VItem.VBox line : text.label(run, style, align, width, SourceLocation.of("theme footer"),
                RunTags.all(Tag.Artifact.FOOTER))) {
            for (PageItem item : line.items()) {
                page.items.add(item.moved(x, baseline - line.baseline()));
            }
            return;
        }
    }
}
