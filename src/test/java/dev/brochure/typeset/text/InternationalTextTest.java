package dev.brochure.typeset.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.Diagnostic;
import dev.brochure.diag.Diagnostics;
import dev.brochure.layout.tree.Inline;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Tag;
import dev.brochure.vocab.Align;
import dev.brochure.vocab.FontFamily;
import dev.brochure.vocab.FooterSpec;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Theme;
import dev.brochure.world.Workspace;
import dev.brochure.world.font.FontFace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Chinese, Arabic, Hebrew and mixed text set from records: lines break where UAX #14 allows
 * (between Chinese characters, never before 。 or after 「), right-to-left text is shaped, joined
 * and put in visual order while every glyph run keeps its text in logical order, characters the
 * style's font lacks come from the family's fallback fonts, and what cannot be set is an error.
 */
class InternationalTextTest {

    static final Path FONTS = TestProject.REPO.resolve("src/test/resources/intl-fonts");
    static final FontFamily CJK = new FontFamily("cjk", FONTS.resolve("DroidSansFallback-subset.ttf"), null, null, null);
    static final FontFamily ARABIC = new FontFamily("arabic", FONTS.resolve("NotoSansArabic-subset.ttf"), null, null,
            null);
    static final FontFamily HEBREW = new FontFamily("hebrew", FONTS.resolve("NotoSansHebrew-subset.ttf"), null, null,
            null);
    static final FontFamily UNSHAPED = new FontFamily("unshaped",
            FONTS.resolve("NotoSansArabic-unshaped-subset.ttf"), null, null, null);

    static final String CHINESE = "我们的研究小组致力于理解城市中的水资源管理。自二〇一九年成立以来，我们与十二所大学和三个地方政府合作，"
            + "开展了关于雨水收集、河流修复和公共教育的项目。每年夏天，我们都会举办一次开放日，邀请市民参观实验室，了解我们的工作。"
            + "「欢迎大家来访！」我们相信，科学应当服务于社会。";
    static final String ARABIC_TEXT = "يعمل فريقنا البحثي على فهم إدارة المياه في المدن. منذ تأسيسه، تعاون الفريق مع اثنتي"
            + " عشرة جامعة وثلاث حكومات محلية في مشاريع لجمع مياه الأمطار وإصلاح الأنهار والتعليم العام. وفي كل صيف، ننظم"
            + " يومًا مفتوحًا ندعو فيه السكان لزيارة المختبر والتعرف على عملنا. نؤمن بأن العلم يجب أن يخدم المجتمع.";

    /** No line may start with these (closing brackets and stops), nor end with the openers. */
    static final String NO_START = "。，、！？」』）：；…";
    static final String NO_END = "「『（";

    private final Diagnostics diagnostics = new Diagnostics();

    private static List<Diagnostic> errorsOf(Diagnostics diagnostics) {
        return diagnostics.all().stream().filter(Diagnostic::isError).toList();
    }

    private static Theme theme(TextStyle style, List<String> fallback) {
        FontFamily serif = Paragraphs.SERIF.withFallback(fallback);
        return new Theme("t", Map.of(), Map.of("serif", serif, "cjk", CJK, "arabic", ARABIC, "hebrew", HEBREW,
                "unshaped", UNSHAPED), Map.of(style.name(), style), Map.of(), new FooterSpec(style.name(), "", "", 0,
                false));
    }

    private static final Workspace WORKSPACE = Workspace.of(TestProject.FIXTURES.resolve("minimal"));

    private List<Item> items(String text, TextStyle style, List<String> fallback) {
        return new ParagraphBuilder(theme(style, fallback), Hyphenator.forLanguage("en-US", WORKSPACE).orElseThrow(),
                new Faces(WORKSPACE), diagnostics)
                .build(List.of(new Inline.Run(text, false, false, null, null)), style, style.align() == Align.JUSTIFY,
                        0, new SourceLocation("story.yaml", 3, 5), true);
    }

    /** A paragraph of {@code inlines}, its Hebrew set in the fallback family; {@code running} text may be hyphenated. */
    private List<Item> hebrew(List<Inline> inlines, TextStyle style, boolean running) {
        return new ParagraphBuilder(theme(style, List.of("hebrew")), Hyphenator.forLanguage("en-US", WORKSPACE)
                .orElseThrow(), new Faces(WORKSPACE), diagnostics)
                .build(inlines, style, false, 0, new SourceLocation("story.yaml", 3, 5), running);
    }

    private static List<LineSetter.SetLine> set(List<Item> items, double measure, boolean justify) {
        List<LineSetter.SetLine> out = new ArrayList<>();
        for (LineBreaker.Line line : new KnuthPlassLineBreaker().breakLines(items, measure, justify,
                new LineOptions(0, false, 0, 2))) {
            out.add(LineSetter.set(items, line, measure, justify ? Align.JUSTIFY : Align.LEFT));
        }
        return out;
    }

    private static List<PageItem.GlyphRun> runs(LineSetter.SetLine line) {
        return line.items().stream().filter(PageItem.GlyphRun.class::isInstance).map(PageItem.GlyphRun.class::cast)
                .toList();
    }

    /** The line's text in logical order: its runs' texts, in the order their characters come in the paragraph. */
    private static String logical(LineSetter.SetLine line, boolean rightToLeft) {
        List<PageItem.GlyphRun> runs = new ArrayList<>(runs(line));
        runs.sort(Comparator.comparingDouble(PageItem.GlyphRun::x));
        if (rightToLeft) {
            runs = runs.reversed();
        }
        StringBuilder b = new StringBuilder();
        runs.forEach(r -> b.append(r.text()));
        return b.toString();
    }

    /** The text a PDF reader gets from a run's glyphs, in their visual order (what the ToUnicode map gives). */
    private static String visual(PageItem.GlyphRun run) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < run.glyphs().length; i++) {
            b.append(run.textOf(i));
        }
        return b.toString();
    }

    @Test
    void chineseBreaksBetweenCharactersAndNeverBeforeAStopOrAfterAnOpeningBracket() {
        for (double measure = 120; measure <= 320; measure += 7) {
            TextStyle style = Paragraphs.style(0, false, 0, 50, 2);
            List<LineSetter.SetLine> lines = set(items(CHINESE, style, List.of("cjk")), measure, true);
            assertTrue(lines.size() > 1);
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                LineSetter.SetLine line = lines.get(i);
                String text = logical(line, false);
                all.append(text);
                assertTrue(line.width() <= measure + 0.01, "line " + i + " at " + measure + "pt is " + line.width());
                if (i > 0) {
                    assertFalse(NO_START.indexOf(text.charAt(0)) >= 0, "line starts with " + text + " at " + measure);
                }
                if (i + 1 < lines.size()) {
                    assertFalse(NO_END.indexOf(text.charAt(text.length() - 1)) >= 0, "line ends: " + text);
                    assertTrue(line.width() > measure - 10.5, "a full line at " + measure + "pt: " + text);
                }
                for (PageItem.GlyphRun run : runs(line)) {
                    assertEquals(run.text(), visual(run), "left-to-right glyphs map to their text in order");
                }
            }
            assertEquals(CHINESE, all.toString(), "every character, once, in order");
        }
        assertTrue(diagnostics.all().isEmpty(), diagnostics.all().toString());
    }

    @Test
    void justifiedChineseMayStretchATenthOfAnEmBetweenCharactersAndRaggedTextNot() {
        TextStyle justified = Paragraphs.style(0, false, 0, 50, 2); // 10 pt, justified
        List<Item.Glue> between = items(CHINESE, justified, List.of("cjk")).stream()
                .filter(Item.Glue.class::isInstance).map(Item.Glue.class::cast)
                .filter(g -> g.width() == 0 && g.stretch() < Item.INFINITY).toList();
        assertTrue(between.size() > 100, "a break opportunity between most characters: " + between.size());
        between.forEach(g -> assertEquals(1.0, g.stretch(), 1e-9, "a tenth of the 10pt em"));
        TextStyle ragged = new TextStyle(justified.name(), justified.family(), false, false, 10, 14,
                justified.color(), Align.LEFT, 0, 0, 0, 0, false, false, true, false, justified.features(), 0, false,
                0, 50, 2, 0);
        assertTrue(items(CHINESE, ragged, List.of("cjk")).stream().filter(Item.Glue.class::isInstance)
                .map(Item.Glue.class::cast).filter(g -> g.width() == 0 && g.stretch() < Item.INFINITY)
                .allMatch(g -> g.stretch() == 0), "ragged lines do not stretch");
    }

    @Test
    void characterTheFaceLacksComeFromTheFallbackFamilyAndTheRestFromTheStylesFace() {
        TextStyle style = Paragraphs.style(0, false, 0, 50, 2);
        List<Item> items = items("The student 王小明 visited.", style, List.of("arabic", "cjk"));
        List<LineSetter.SetLine> lines = set(items, 400, false);
        assertEquals(1, lines.size());
        Map<String, String> fontOf = new java.util.HashMap<>();
        for (PageItem.GlyphRun run : runs(lines.getFirst())) {
            fontOf.merge(run.font().getFileName().toString(), run.text(), String::concat);
        }
        assertEquals("王小明", fontOf.get("DroidSansFallback-subset.ttf").strip());
        assertTrue(fontOf.get("Vollkorn-Regular.ttf").startsWith("The student"), fontOf.toString());
        assertFalse(fontOf.containsKey("NotoSansArabic-subset.ttf"), "a fallback that lacks the characters is passed");
        assertTrue(diagnostics.all().isEmpty(), diagnostics.all().toString());
    }

    @Test
    void arabicIsJoinedSetRightToLeftAndKeptInLogicalOrder() {
        TextStyle style = Paragraphs.style(0, false, 0, 50, 2);
        double measure = 260;
        List<Item> items = items(ARABIC_TEXT, style, List.of("arabic"));
        List<LineSetter.SetLine> lines = set(items, measure, true);
        assertTrue(lines.size() > 2);
        FontFace arabic = new Faces(WORKSPACE).face(ARABIC, false, false);
        StringBuilder all = new StringBuilder();
        boolean joined = false;
        for (int i = 0; i < lines.size(); i++) {
            LineSetter.SetLine line = lines.get(i);
            assertTrue(line.width() <= measure + 0.01, "line " + i + " is " + line.width());
            String text = logical(line, true);
            all.append(i > 0 ? " " : "").append(text.strip());
            for (PageItem.GlyphRun run : runs(line)) {
                if (!run.font().endsWith("NotoSansArabic-subset.ttf") || run.text().isBlank()) {
                    continue;
                }
                String word = run.text().strip();
                if (word.codePoints().count() > 1) {
                    // Glyphs in visual order: the text's characters come right to left.
                    assertTrue(run.clusters()[0] > run.clusters()[run.clusters().length - 1], word);
                    // Joined: not every glyph is the character's own (isolated) glyph.
                    int[] isolated = word.codePoints().map(arabic::cmapGlyph).toArray();
                    joined |= !java.util.Arrays.equals(isolated, run.glyphs());
                }
                // Each glyph maps to its characters; read right to left they give the logical text.
                StringBuilder rtl = new StringBuilder();
                for (int g = run.glyphs().length - 1; g >= 0; g--) {
                    rtl.append(run.textOf(g));
                }
                assertEquals(run.text(), rtl.toString());
            }
        }
        assertTrue(joined, "letters take their joining forms");
        assertEquals(ARABIC_TEXT, all.toString().replace("  ", " "));
        // The first word of the paragraph is at the right end of the first line; the full stop that
        // ends the paragraph is at the left end of the last one, which is aligned right.
        List<PageItem.GlyphRun> first = new ArrayList<>(runs(lines.getFirst()));
        first.sort(Comparator.comparingDouble(PageItem.GlyphRun::x));
        assertTrue(first.getLast().text().startsWith("يعمل "), first.getLast().text());
        LineSetter.SetLine last = lines.getLast();
        List<PageItem.GlyphRun> end = new ArrayList<>(runs(last));
        end.sort(Comparator.comparingDouble(PageItem.GlyphRun::x));
        assertEquals(".", end.getFirst().text());
        PageItem.GlyphRun rightmost = end.getLast();
        assertEquals(measure, rightmost.x() + rightmost.width(), 0.01, "the last line ends at the right edge");
        assertTrue(end.getFirst().x() > 10, "and is short of the left one");
        assertTrue(diagnostics.all().isEmpty(), diagnostics.all().toString());
    }

    @Test
    void numbersAndLatinWordsInRightToLeftTextKeepTheirOrder() {
        TextStyle style = Paragraphs.style(0, false, 0, 50, 2);
        String text = "אנחנו עובדים עם 12 אוניברסיטאות";
        List<LineSetter.SetLine> lines = set(items(text, style, List.of("hebrew")), 400, false);
        assertEquals(1, lines.size());
        List<PageItem.GlyphRun> runs = new ArrayList<>(runs(lines.getFirst()));
        runs.sort(Comparator.comparingDouble(PageItem.GlyphRun::x));
        // Visually, left to right: the last word, the number (its digits left to right), then the rest.
        assertEquals("אוניברסיטאות", runs.getFirst().text());
        PageItem.GlyphRun number = runs.stream().filter(r -> r.text().equals("12")).findFirst().orElseThrow();
        assertEquals("12", visual(number), "digits keep their order");
        assertEquals(text, logical(lines.getFirst(), true));
        assertEquals(400, runs.getLast().x() + runs.getLast().width(), 0.01, "a ragged right-to-left line starts at the right");
    }

    @Test
    void reorderedRunsKeepTheTagOfTheirTextAndComeInLogicalOrder() {
        TextStyle style = Paragraphs.style(0, false, 0, 50, 2);
        // A Hebrew paragraph (set in the fallback family) with an English name tagged as a span of its own.
        List<Inline> inlines = List.of(new Inline.Run("אנחנו עובדים עם ", false, false, null, null, null),
                new Inline.Run("Vollkorn Bold", false, false, null, null, "en"),
                new Inline.Run(" בכל האוניברסיטאות", false, false, null, null, null));
        List<Item> items = hebrew(inlines, style, true);
        Tag paragraph = new Tag.Content(1);
        Tag span = new Tag.Content(2);
        RunTags tags = (href, lang) -> lang == null ? paragraph : span;
        List<LineBreaker.Line> broken = new KnuthPlassLineBreaker().breakLines(items, 400, false,
                new LineOptions(0, false, 0, 2));
        assertEquals(1, broken.size());
        LineSetter.SetLine line = LineSetter.set(items, broken.getFirst(), 400, Align.LEFT, tags);
        List<PageItem.GlyphRun> runs = runs(line);
        for (PageItem.GlyphRun run : runs) {
            boolean latin = run.text().codePoints().anyMatch(cp -> cp >= 'A' && cp <= 'z');
            boolean hebrew = run.text().codePoints().anyMatch(cp -> cp >= 0x0590 && cp <= 0x05FF);
            assertFalse(latin && hebrew, "a run holds text of one tag: '" + run.text() + "'");
            if (latin || hebrew) {
                assertEquals(latin ? span : paragraph, run.tag(), "the tag of '" + run.text() + "'");
            }
        }
        assertTrue(runs.stream().anyMatch(r -> r.font().getFileName().toString().startsWith("NotoSansHebrew")
                && r.tag().equals(paragraph)), "the fallback font's runs are the paragraph's");
        assertTrue(runs.stream().anyMatch(r -> r.text().contains("Vollkorn") && r.tag().equals(span)));
        assertEquals("אנחנו עובדים עם Vollkorn Bold בכל האוניברסיטאות", logical(line, true),
                "reordered, the runs still hold the whole text");
        List<PageItem.GlyphRun> visual = new ArrayList<>(runs);
        visual.sort(Comparator.comparingDouble(PageItem.GlyphRun::x));
        assertTrue(visual.getFirst().text().contains("האוניברסיטאות"), "visually the last word is leftmost");
        assertTrue(diagnostics.all().isEmpty(), diagnostics.all().toString());
    }

    @Test
    void theRunsOfARightToLeftParagraphAreNumberedInReadingOrderThoughDrawnInVisualOrder() {
        TextStyle style = Paragraphs.style(0, false, 0, 50, 2);
        String sentence = "קבוצת המחקר שלנו עוסקת בניהול מים בערים. אנחנו עובדים עם 12 אוניברסיטאות. ";
        // Hebrew, then English words around an English link, then Hebrew again, over several lines.
        String before = sentence + "קבוצת המחקר שלנו about ";
        String link = "Visit the lab";
        String after = " now בערים. " + sentence + sentence;
        List<Inline> inlines = List.of(new Inline.Run(before, false, false, null, null, null),
                new Inline.Run(link, false, false, "https://example.org", null, null),
                new Inline.Run(after, false, false, null, null, null));
        List<Item> items = hebrew(inlines, style, false);
        Tag paragraph = new Tag.Content(1);
        Tag linkTag = new Tag.Content(2);
        RunTags tags = (href, lang) -> href == null ? paragraph : linkTag;
        RunOrder order = RunOrder.of(items);
        assertTrue(order != null, "a paragraph holding right-to-left text is numbered");
        List<PageItem.GlyphRun> all = new ArrayList<>();
        boolean drawnOutOfOrder = false;
        List<LineBreaker.Line> broken = new KnuthPlassLineBreaker().breakLines(items, 300, false,
                new LineOptions(0, false, 0, 2));
        assertTrue(broken.size() >= 3, "several lines: " + broken.size());
        for (LineBreaker.Line line : broken) {
            List<PageItem.GlyphRun> runs = runs(LineSetter.set(items, line, 300, Align.LEFT, tags, order));
            for (int i = 1; i < runs.size(); i++) {
                drawnOutOfOrder |= runs.get(i).reading() < runs.get(i - 1).reading();
            }
            all.addAll(runs);
        }
        assertTrue(drawnOutOfOrder, "the runs are drawn in visual order, not in reading order");
        List<PageItem.GlyphRun> read = new ArrayList<>(all);
        read.sort(Comparator.comparingInt(PageItem.GlyphRun::reading));
        for (int i = 0; i < read.size(); i++) {
            assertEquals(i, read.get(i).reading(), "each run numbered once, from 0 along the paragraph");
        }
        StringBuilder text = new StringBuilder();
        StringBuilder linked = new StringBuilder();
        for (PageItem.GlyphRun run : read) {
            text.append(run.text());
            if (run.tag().equals(linkTag)) {
                linked.append(run.text());
            }
        }
        assertEquals((before + link + after).replaceAll("\\s+", ""), text.toString().replaceAll("\\s+", ""),
                "the runs in the order of their numbers hold the paragraph's text as written");
        assertEquals(link.replaceAll("\\s+", ""), linked.toString().replaceAll("\\s+", ""));
        String beforeLink = text.substring(0, text.indexOf("Visit")).replaceAll("\\s+", "");
        assertEquals(before.replaceAll("\\s+", ""), beforeLink, "the link is read after the text before it");

        // A paragraph without right-to-left text is drawn in reading order: its runs are not numbered.
        List<Item> english = items("Our group studies water in cities with twelve universities.", style, List.of());
        assertNull(RunOrder.of(english));
        for (LineBreaker.Line line : new KnuthPlassLineBreaker().breakLines(english, 300, false,
                new LineOptions(0, false, 0, 2))) {
            for (PageItem.GlyphRun run : runs(LineSetter.set(english, line, 300, Align.LEFT, tags,
                    RunOrder.of(english)))) {
                assertEquals(-1, run.reading());
            }
        }
        assertTrue(diagnostics.all().isEmpty(), diagnostics.all().toString());
    }

    @Test
    void aScriptBrochureCannotSetIsAnErrorAtTheText() {
        TextStyle style = Paragraphs.style(0, false, 0, 50, 2);
        items("Sawasdee: สวัสดี and नमस्ते", style, List.of());
        List<Diagnostic> errors = errorsOf(diagnostics);
        assertTrue(errors.stream().anyMatch(d -> d.message().contains("the text is in the Thai script ('ส', U+0E2A),"
                + " which brochure cannot set")), errors.toString());
        assertTrue(errors.stream().anyMatch(d -> d.message().contains("Devanagari script")), errors.toString());
        assertEquals(new SourceLocation("story.yaml", 3, 5), errors.getFirst().where());
    }

    @Test
    void arabicInAFontWithoutJoiningRulesIsAnError() {
        TextStyle style = Paragraphs.style(0, false, 0, 50, 2);
        items("سلام عليكم", style, List.of("unshaped"));
        assertTrue(errorsOf(diagnostics).stream().anyMatch(d -> d.message().equals("font"
                + " NotoSansArabic-unshaped-subset.ttf has no rules for joining Arabic letters, so 'سلام' cannot be set"
                + " right")), errorsOf(diagnostics).toString());
        assertEquals(1, errorsOf(diagnostics).size(), "reported once per font and paragraph");
    }

    @Test
    void aCharacterNoFontHasNamesTheFallbackFamilies() {
        TextStyle style = Paragraphs.style(0, false, 0, 50, 2);
        items("Hello ひらがな、カタカナ", style, List.of("cjk", "arabic"));
        assertTrue(errorsOf(diagnostics).isEmpty(), "Japanese from the CJK fallback: " + diagnostics.all());
        // The test subset of Droid Sans Fallback has no Hangul.
        items("Hello 한국어 한국어", style, List.of("cjk", "arabic"));
        assertEquals(List.of("character '한' (U+D55C) has no glyph in font Vollkorn-Regular.ttf nor in the fallback"
                        + " families cjk, arabic", "character '국' (U+AD6D) has no glyph in font Vollkorn-Regular.ttf nor"
                        + " in the fallback families cjk, arabic", "character '어' (U+C5B4) has no glyph in font"
                        + " Vollkorn-Regular.ttf nor in the fallback families cjk, arabic"),
                errorsOf(diagnostics).stream().map(Diagnostic::message).toList(), "each character once");
    }

    @Test
    void aWordLongerThanTheLimitIsNotHyphenatedButOneAtTheLimitIs() {
        TextStyle style = Paragraphs.style(0, false, 0, 50, 2);
        String base = "incomprehensibilities";
        String atLimit = base.repeat(4).substring(0, WordHyphenation.MAX_WORD);
        String over = atLimit + "s";
        long boxes = items(atLimit, style, List.of()).stream().filter(Item.Box.class::isInstance).count();
        assertTrue(boxes > 1, "a word of " + WordHyphenation.MAX_WORD + " letters is hyphenated");
        assertEquals(1, items(over, style, List.of()).stream().filter(Item.Box.class::isInstance).count(),
                "a longer one is one box");
        // A run of 300,000 letters: one box, shaped once.
        List<Item> huge = items("a".repeat(300_000), style, List.of());
        assertEquals(1, huge.stream().filter(Item.Box.class::isInstance).count());
        assertNotEquals(0, ((Item.Box) huge.getFirst()).width());
    }
}
