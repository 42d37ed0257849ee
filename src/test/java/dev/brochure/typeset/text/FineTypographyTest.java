package dev.brochure.typeset.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.typeset.page.PageItem;
import dev.brochure.vocab.Align;
import dev.brochure.vocab.TextStyle;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Justified text at narrow measures (font expansion, protrusion, emergency stretch) and the
 * designer's hyphenation and no-break rules, on paragraphs built from records directly.
 */
class FineTypographyTest {

    private static final KnuthPlassLineBreaker BREAKER = new KnuthPlassLineBreaker();

    /** A paragraph a 45 mm column sets very loosely without help: long words, few spaces, no good breaks. */
    private static final String NARROW = "Our graduates work as quantitative analysts, climate modellers, "
            + "bioinformaticians and software engineers; several continued towards doctorates in computational "
            + "mechanics, statistics and machine learning at universities across Scandinavia and Europe.";
    private static final double NARROW_MEASURE = 45 * 72 / 25.4;

    private static double maxRatio(List<LineBreaker.Line> lines) {
        return lines.stream().limit(lines.size() - 1).mapToDouble(LineBreaker.Line::ratio).max().orElse(0);
    }

    @Test
    void aVeryLooseParagraphAtANarrowMeasureIsSetWithinItsStretchWithExpansion() {
        TextStyle plain = Paragraphs.plain();
        List<Item> items = Paragraphs.items(NARROW, plain);
        double loose = maxRatio(BREAKER.breakLines(items, NARROW_MEASURE, true, LineOptions.of(plain)));
        assertTrue(loose > 2, "without expansion a line is very loose: r = " + loose);

        TextStyle fine = Paragraphs.style(0.02, true, 1, 50, 2);
        List<Item> fineItems = Paragraphs.items(NARROW, fine);
        List<LineBreaker.Line> lines = BREAKER.breakLines(fineItems, NARROW_MEASURE, true, LineOptions.of(fine));
        assertTrue(maxRatio(lines) <= 1 + 1e-9, "every space within its stretch: r = " + maxRatio(lines));
        assertTrue(lines.stream().anyMatch(l -> l.expansion() > 0), "glyphs are expanded: " + lines);
        for (LineBreaker.Line line : lines) {
            assertTrue(Math.abs(line.expansion()) <= 0.02 + 1e-9, "within 2 %: " + line.expansion());
            LineSetter.SetLine set = LineSetter.set(fineItems, line, NARROW_MEASURE, Align.LEFT);
            assertEquals(line.expansion(), set.expansion(), "the set line records its expansion");
            for (PageItem item : set.items()) {
                if (item instanceof PageItem.GlyphRun run) {
                    assertEquals(1 + line.expansion(), run.scale(), 1e-12, "and its glyph runs are drawn scaled");
                }
            }
            if (line != lines.getLast()) {
                // A line either fills the measure or, set in the emergency pass, falls short by at most an em.
                assertTrue(set.width() <= NARROW_MEASURE + 0.01 && set.width() >= NARROW_MEASURE - fine.size() - 0.01,
                        "width " + set.width());
            }
        }
    }

    @Test
    void atEveryNarrowMeasureTheWorstLineIsFarLessLoose() {
        TextStyle plain = Paragraphs.plain();
        TextStyle fine = Paragraphs.style(0.02, true, 1, 50, 2);
        for (double mm = 38; mm <= 48; mm += 1) {
            double measure = mm * 72 / 25.4;
            List<Item> plainItems = Paragraphs.items(NARROW, plain);
            List<Item> fineItems = Paragraphs.items(NARROW, fine);
            double before = maxRatio(BREAKER.breakLines(plainItems, measure, true, LineOptions.of(plain)));
            double after = maxRatio(BREAKER.breakLines(fineItems, measure, true, LineOptions.of(fine)));
            assertTrue(before > 4 && after < 1.5, mm + " mm: worst r " + before + " without, " + after + " with");
        }
    }

    @Test
    void expandedGlyphsArePositionedAtTheirScaledAdvances() {
        TextStyle fine = Paragraphs.style(0.02, false, 0, 50, 2);
        List<Item> items = Paragraphs.items(NARROW, fine);
        LineBreaker.Line first = BREAKER.breakLines(items, NARROW_MEASURE, true, LineOptions.of(fine)).getFirst();
        LineBreaker.Line forced = new LineBreaker.Line(first.start(), first.end(), first.ratio(), 0.02, 0, 0);
        LineBreaker.Line natural = new LineBreaker.Line(first.start(), first.end(), first.ratio());
        PageItem.GlyphRun wide = (PageItem.GlyphRun) LineSetter.set(items, forced, 500, Align.LEFT).items().getFirst();
        PageItem.GlyphRun plain = (PageItem.GlyphRun) LineSetter.set(items, natural, 500, Align.LEFT).items().getFirst();
        // Within the first word, every glyph's offset grows by exactly 2 %.
        int word = plain.text().indexOf(' ');
        for (int i = 1; i < word; i++) {
            assertEquals(plain.positions()[i] * 1.02, wide.positions()[i], 1e-9);
        }
    }

    @Test
    void protrusionHangsAFullStopAndAHyphenIntoTheMargin() {
        TextStyle fine = Paragraphs.style(0, true, 0, 50, 2);
        String text = "Applications close on the first of March. Late applications are considered only when "
                + "places remain. Admission letters follow within eight weeks of the deadline.";
        List<Item> items = Paragraphs.items(text, fine);
        double measure = 120;
        List<LineBreaker.Line> lines = BREAKER.breakLines(items, measure, true, LineOptions.of(fine));
        boolean hung = false;
        for (LineBreaker.Line line : lines.subList(0, lines.size() - 1)) {
            LineSetter.SetLine set = LineSetter.set(items, line, measure, Align.LEFT);
            String last = Paragraphs.texts(items, List.of(line), measure).getFirst();
            double right = set.items().stream().filter(PageItem.GlyphRun.class::isInstance)
                    .mapToDouble(i -> ((PageItem.GlyphRun) i).x() + ((PageItem.GlyphRun) i).width()).max().orElseThrow();
            if (last.endsWith(".") || last.endsWith(",") || last.endsWith("-")) {
                assertTrue(line.right() > 0.25 * fine.size() * 0.2, "protrudes by a good part of it: " + last);
                hung = true;
            }
            assertEquals(measure + line.right(), right, 0.01, "its end hangs into the margin as far as it protrudes: "
                    + last);
        }
        assertTrue(hung, "some line ends with punctuation or a hyphen: " + Paragraphs.texts(items, lines, measure));
    }

    @Test
    void aCompoundIsBrokenOnlyAtItsOwnHyphen() {
        TextStyle style = Paragraphs.plain();
        List<Item> items = Paragraphs.items("near-graduation well-established", style);
        long hyphenation = items.stream().filter(i -> i instanceof Item.Penalty p && p.hyphen() != null).count();
        assertEquals(0, hyphenation, "no hyphenation point inside either compound");
        long explicit = items.stream().filter(i -> i instanceof Item.Penalty p && p.flagged() && p.hyphen() == null)
                .count();
        assertEquals(2, explicit, "each may break after its hyphen");
        assertTrue(Paragraphs.items("graduation established", style).stream()
                .anyMatch(i -> i instanceof Item.Penalty p && p.hyphen() != null), "the words alone are hyphenated");
    }

    /** Whether the paragraph may break in the space (or after the dash) at {@code at} of {@code text}. */
    private static boolean breakable(String text, int at) {
        return !NoBreakRules.tied(text).get(at);
    }

    @Test
    void aNumberStaysWithItsWordOrUnit() {
        String text = "Apply by 1 June with 10 MB of files.";
        assertFalse(breakable(text, text.indexOf("1 June") + 1), "1 June");
        assertFalse(breakable(text, text.indexOf("10 MB") + 2), "10 MB");
        assertTrue(breakable(text, text.indexOf("by 1") + 2), "'by' may end a line");
    }

    @Test
    void aCapitalisedWordStaysWithTheNumberAfterIt() {
        String text = "She joined the Top 300 Scholars list.";
        assertFalse(breakable(text, text.indexOf("Top 300") + 3), "Top 300");
        assertFalse(breakable(text, text.indexOf("300 Scholars") + 3), "300 Scholars");
    }

    @Test
    void aDateIsNotBroken() {
        String text = "Applications made before November 1, 2025 are preferred.";
        assertFalse(breakable(text, text.indexOf("November 1") + 8), "November 1");
        assertFalse(breakable(text, text.indexOf("1, 2025") + 2), "1, 2025");
        assertTrue(breakable(text, text.indexOf("2025 are") + 4), "after the year");
    }

    @Test
    void aPhoneNumberIsNotBroken() {
        String text = "Call +45 7012 3456 today.";
        assertFalse(breakable(text, text.indexOf("+45 ") + 3));
        assertFalse(breakable(text, text.indexOf("7012 ") + 4));
    }

    @Test
    void shortParenthesesAreNotBrokenLongOnesAre() {
        String text = "Research assistant (Fall 2024 – Present) in the lab (a rather long remark that may break).";
        BitSet tied = NoBreakRules.tied(text);
        int open = text.indexOf('(');
        int close = text.indexOf(')');
        for (int i = open; i < close; i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\u2013') {
                assertTrue(tied.get(i), "tied at " + i);
            }
        }
        assertTrue(breakable(text, text.indexOf("long remark") + 4), "a long parenthesis may break");
        // And the rules reach the line breaker: the parenthesis is never split across lines.
        TextStyle style = Paragraphs.plain();
        List<Item> items = Paragraphs.items(text, style);
        for (double measure = 60; measure <= 200; measure += 7) {
            for (String line : Paragraphs.texts(items, BREAKER.breakLines(items, measure, true, LineOptions.of(style)),
                    measure)) {
                assertFalse(line.contains("(Fall") && !line.contains("Present)"), measure + ": " + line);
            }
        }
    }

    private static int longestHyphenRun(List<Item> items, List<LineBreaker.Line> lines) {
        int run = 0;
        int longest = 0;
        for (LineBreaker.Line line : lines) {
            boolean hyphen = line.end() < items.size() && items.get(line.end()) instanceof Item.Penalty p && p.flagged();
            run = hyphen ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    @Test
    void noMoreHyphenatedLinesInARowThanTheStyleAllows() {
        String text = "Internationalization, reconceptualization, institutionalization, characterization, "
                + "responsibilities, interdisciplinary collaborations, extraordinarily comprehensive "
                + "documentation, telecommunications infrastructure, unquestionably uncompromising "
                + "implementations and incomprehensibilities.";
        for (int allowed = 1; allowed <= 2; allowed++) {
            TextStyle style = Paragraphs.style(0, false, 0, -100, allowed);
            List<Item> items = Paragraphs.items(text, style);
            int longest = 0;
            for (double measure = 70; measure <= 130; measure += 5) {
                longest = Math.max(longest, longestHyphenRun(items,
                        BREAKER.breakLines(items, measure, true, LineOptions.of(style))));
            }
            assertEquals(allowed, longest, "hyphens are cheap here, so runs reach the limit and stop there");
        }
    }
}
