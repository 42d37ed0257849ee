package dev.brochure.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.pipeline.BuildResult;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.world.font.FontFace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.fontbox.ttf.model.ScriptFeature;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenType features per style: the glyphs drawn in the PDF are the font's substitutions, they
 * measure as drawn, they still extract as their characters, and a feature a font lacks is warned about.
 */
class OpenTypeFeaturesTest {

    @TempDir
    Path temp;

    /** A glyph drawn on a page: its font's name (without subset tag), its code (the glyph id) and its text. */
    private record Drawn(String font, int code, String text) {
    }

    private static List<Drawn> drawn(Path pdf, int page) throws IOException {
        List<Drawn> out = new ArrayList<>();
        try (PDDocument doc = PdfFiles.open(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    String name = text.getFont().getName();
                    out.add(new Drawn(name.substring(name.indexOf('+') + 1), text.getCharacterCodes()[0],
                            text.getUnicode()));
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(doc);
        }
        return out;
    }

    /** The font's own substitution of {@code character} by GSUB feature {@code feature}, read with fontbox. */
    private static int substitution(Path font, String feature, char character) throws IOException {
        try (InputStream in = Files.newInputStream(font); TrueTypeFont ttf = new TTFParser(true).parseEmbedded(in)) {
            int glyph = ttf.getUnicodeCmapLookup().getGlyphId(character);
            GsubData gsub = ttf.getGsub().getGsubData("latn");
            ScriptFeature f = gsub.getFeature(feature);
            assertTrue(f.canReplaceGlyphs(List.of(glyph)), feature + " substitutes " + character);
            return f.getReplacementForGlyphs(List.of(glyph));
        }
    }

    /** Codes drawn for {@code text} (a run of glyphs whose texts spell it) in fonts named {@code font}. */
    private static List<List<Integer>> occurrences(List<Drawn> glyphs, String text) {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i + text.length() <= glyphs.size(); i++) {
            StringBuilder b = new StringBuilder();
            List<Integer> codes = new ArrayList<>();
            for (int j = i; j < glyphs.size() && b.length() < text.length(); j++) {
                b.append(glyphs.get(j).text());
                codes.add(glyphs.get(j).code());
            }
            if (b.toString().equals(text)) {
                out.add(codes);
            }
        }
        return out;
    }

    @Test
    void theOptmlBrochureDrawsRanksAndDeadlinesInLiningFigures() throws IOException {
        Path pdf = BuiltBrochure.OPTML.pdf();
        int lining = substitution(TestProject.FONTS.resolve("Vollkorn-Regular.ttf"), "lnum", '1');
        int oldStyle = TestProject.font(TestProject.FONTS.resolve("Vollkorn-Regular.ttf")).cmapGlyph('1');
        assertNotEquals(lining, oldStyle, "Vollkorn's default 1 is old-style");

        List<Drawn> letter = drawn(pdf, 3).stream().filter(d -> d.font().equals("Vollkorn-Regular")).toList();
        List<List<Integer>> ranks = occurrences(letter, "#1");
        assertEquals(2, ranks.size(), "'#1' twice on page 3");
        for (List<Integer> codes : ranks) {
            assertEquals(lining, codes.get(1), "'#1' is drawn with the lining one");
        }

        int liningBold = substitution(TestProject.FONTS.resolve("Vollkorn-Bold.ttf"), "lnum", '1');
        List<Drawn> join = drawn(pdf, 15).stream().filter(d -> d.font().equals("Vollkorn-Bold")).toList();
        List<List<Integer>> deadline = occurrences(join, "November 1");
        assertEquals(1, deadline.size(), "the deadline on page 15");
        assertEquals(liningBold, deadline.getFirst().getLast(), "'November 1' is drawn with the lining one");
    }

    private TestProject probe(String styles, String body) {
        return TestProject.copy("minimal", temp)
                .write("brochure.yaml", "title: Features\nlanguage: en-US\ntheme: t\nsections:\n  - sections/probe.yaml\n")
                .write("themes/t.yaml", "extends: default\nstyles:\n" + styles)
                .write("sections/probe.yaml", "layout: probe\ntext: \"" + body + "\"\n")
                .write("layouts/probe.schema.yaml", "fields:\n  text: {type: text, required: true}\n")
                .write("layouts/probe.ftlx", "<section><p style=\"probe\">${section.text}</p></section>\n");
    }

    @Test
    void aStyleWithSmallCapitalsDrawsTheFontsSmallCapitalGlyphsWhichExtractAsTheirLetters() throws IOException {
        TestProject project = probe("  probe: {parent: body, features: [smcp]}\n", "fellowship deadline");
        Path pdf = temp.resolve("smcp.pdf");
        BuildResult result = new Pipeline(Map.of()).build(project.request(pdf));
        // The one-paragraph probe leaves its page nearly empty, which is warned about; nothing else is.
        assertTrue(result.warnings().stream().allMatch(d -> d.message().contains("empty")), "no warning: "
                + result.warnings());
        Path font = TestProject.FONTS.resolve("Vollkorn-Regular.ttf");
        List<Drawn> glyphs = drawn(pdf, 1);
        List<List<Integer>> word = occurrences(glyphs, "deadline");
        assertEquals(1, word.size(), "the word extracts as its lower-case letters: " + glyphs);
        String letters = "deadline";
        for (int i = 0; i < letters.length(); i++) {
            assertEquals(substitution(font, "smcp", letters.charAt(i)), word.getFirst().get(i),
                    "'" + letters.charAt(i) + "' is drawn as its small capital");
        }
        try (PDDocument doc = PdfFiles.open(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("fellowship deadline"), "the ligature-free small capitals extract: " + text);
        }
    }

    @Test
    void tabularFiguresMeasureTheirHmtxWidthAndAreAllAlike() {
        TestProject project = probe("  probe: {parent: body, align: left, features: [lnum, tnum]}\n", "1111 0000 7410");
        var page = new Pipeline(Map.of()).typeset(project.request(temp.resolve("x.pdf"))).document().pages().getFirst();
        PageItem.GlyphRun run = page.items().stream().filter(PageItem.GlyphRun.class::isInstance)
                .map(PageItem.GlyphRun.class::cast).filter(r -> r.text().contains("1111")).findFirst().orElseThrow();
        FontFace face = TestProject.font(run.font());
        double advance = Double.NaN;
        for (int i = 0; i + 1 < run.glyphs().length; i++) {
            if (!Character.isDigit(run.text().charAt(run.clusters()[i]))) {
                continue;
            }
            double measured = (run.positions()[i + 1] - run.positions()[i]) * 1000 / run.size();
            if (run.text().charAt(run.clusters()[i + 1]) != ' ') {
                assertEquals(face.designWidth(run.glyphs()[i]), measured, 1e-6, "advance is the hmtx width");
            }
            if (Double.isNaN(advance)) {
                advance = face.designWidth(run.glyphs()[i]);
            }
            assertEquals(advance, face.designWidth(run.glyphs()[i]), 1e-9, "every figure as wide as the others");
            assertNotEquals(face.cmapGlyph(run.text().charAt(run.clusters()[i])), run.glyphs()[i], "substituted");
        }
        assertFalse(Double.isNaN(advance));
    }

    @Test
    void aFeatureTheFontLacksIsAWarningNamingTheStyle() {
        // Lato has no small capitals.
        TestProject project = probe("  probe: {parent: body, font: sans, features: [smcp, lnum]}\n", "small capitals");
        BuildResult result = new Pipeline(Map.of()).build(project.request(temp.resolve("w.pdf")));
        List<String> messages = result.warnings().stream().map(Diagnostic::message)
                .filter(m -> !m.contains("empty")).toList(); // the probe's near-empty page is warned about too
        assertEquals(1, messages.size(), "one warning, for smcp only: " + messages);
        assertTrue(messages.getFirst().contains("style 'probe'") && messages.getFirst().contains("'smcp'")
                && messages.getFirst().contains("Lato-Regular.ttf"), messages.getFirst());
    }

    @Test
    void unknownAndContradictoryFeaturesAreThemeErrors() {
        BrochureException unknown = org.junit.jupiter.api.Assertions.assertThrows(BrochureException.class,
                () -> new Pipeline(Map.of()).build(probe("  probe: {parent: body, features: [lnun]}\n", "x")
                        .request(temp.resolve("u.pdf"))));
        assertTrue(unknown.getMessage().contains("unknown OpenType feature 'lnun'")
                && unknown.getMessage().contains("lnum"), unknown.getMessage());
        BrochureException both = org.junit.jupiter.api.Assertions.assertThrows(BrochureException.class,
                () -> new Pipeline(Map.of()).build(probe("  probe: {parent: body, features: [lnum, onum]}\n", "x")
                        .request(temp.resolve("b.pdf"))));
        assertTrue(both.getMessage().contains("'lnum' and 'onum' exclude each other"), both.getMessage());
        assertFalse(Files.exists(temp.resolve("u.pdf")) || Files.exists(temp.resolve("b.pdf")), "nothing written");
    }
}
