package dev.brochure.typeset.text;

import dev.brochure.world.Workspace;
import dev.brochure.diag.Diagnostics;
import dev.brochure.layout.tree.Inline;
import dev.brochure.testing.TestProject;
import dev.brochure.vocab.Align;
import dev.brochure.vocab.FontFamily;
import dev.brochure.vocab.FontFeatures;
import dev.brochure.vocab.FooterSpec;
import dev.brochure.vocab.Rgb;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Theme;
import java.util.List;
import java.util.Map;

/** Paragraph items for stage tests of line breaking, built from records directly (no YAML). */
final class Paragraphs {

    static final FontFamily SERIF = new FontFamily("serif", TestProject.FONTS.resolve("Vollkorn-Regular.ttf"),
            TestProject.FONTS.resolve("Vollkorn-Bold.ttf"), TestProject.FONTS.resolve("Vollkorn-Italic.ttf"),
            TestProject.FONTS.resolve("Vollkorn-BoldItalic.ttf"));

    private Paragraphs() {
    }

    /** A justified, hyphenated 10pt style with the given fine typography. */
    static TextStyle style(double expansion, boolean protrusion, double emergencyEms, double hyphenPenalty,
            int consecutiveHyphens) {
        return new TextStyle("probe", "serif", false, false, 10, 14, Rgb.BLACK, Align.JUSTIFY, 0, 0, 0, 0, false, false,
                true, false, FontFeatures.DEFAULT, expansion, protrusion, emergencyEms, hyphenPenalty, consecutiveHyphens, 0);
    }

    /** Plain TeX: no expansion, no protrusion, no emergency stretch, \hyphenpenalty 50, two hyphens in a row. */
    static TextStyle plain() {
        return style(0, false, 0, 50, 2);
    }

    static Theme theme(TextStyle style) {
        return new Theme("t", Map.of(), Map.of("serif", SERIF), Map.of(style.name(), style), Map.of(),
                new FooterSpec(style.name(), "", "", 0, false));
    }

    static List<Item> items(String text, TextStyle style) {
        return items(text, style, true);
    }

    static List<Item> items(String text, TextStyle style, boolean hyphenate) {
        Workspace workspace = Workspace.of(TestProject.FIXTURES.resolve("minimal"));
        ParagraphBuilder builder = new ParagraphBuilder(theme(style), Hyphenator.forLanguage("en-US", workspace)
                .orElseThrow(), new Faces(workspace), new Diagnostics());
        return builder.build(List.of(new Inline.Run(text, false, false, null, null)), style, true, 0,
                SourceLocation.of("test"), hyphenate);
    }

    /** The text of each line as set. */
    static List<String> texts(List<Item> items, List<LineBreaker.Line> lines, double measure) {
        return lines.stream().map(l -> String.join("", LineSetter.set(items, l, measure, Align.JUSTIFY).items().stream()
                .filter(dev.brochure.typeset.page.PageItem.GlyphRun.class::isInstance)
                .map(i -> ((dev.brochure.typeset.page.PageItem.GlyphRun) i).text()).toList()).strip()).toList();
    }
}
