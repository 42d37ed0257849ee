package dev.brochure.typeset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.vocab.Rgb;
import dev.brochure.testing.TestProject;
import dev.brochure.world.font.FontFace;
import dev.brochure.typeset.text.Fragment;
import dev.brochure.typeset.text.GreedyLineBreaker;
import dev.brochure.typeset.text.Item;
import dev.brochure.typeset.text.KnuthPlassLineBreaker;
import dev.brochure.typeset.text.LineBreaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The total-fit breaker on paragraphs of fixed-width boxes, whose best breaks are worked out by
 * hand in the comments, and against an exhaustive search over every way of breaking small
 * random paragraphs. Spaces are 10 wide, stretch 5 and shrink 3 (TeX's proportions).
 */
class KnuthPlassLineBreakerTest {

    private static final LineBreaker BREAKER = new KnuthPlassLineBreaker();

    /** The hyphen drawn at an automatic hyphenation point; its width here is the penalty's, 5. */
    private static final Fragment HYPHEN = hyphen();

    private static Fragment hyphen() {
        FontFace face = TestProject.font("Vollkorn-Regular");
        return new Fragment(face, 10, Rgb.BLACK, null, face.shape("-"), 0);
    }

    /** A word: one box, or two boxes around a hyphenation point when {@code split > 0}. */
    private record Word(double width, double split) {
    }

    private static Word w(double width) {
        return new Word(width, 0);
    }

    /** A word that may be hyphenated after {@code split} points; the hyphen is 5 wide. */
    private static Word hy(double width, double split) {
        return new Word(width, split);
    }

    private static List<Item> paragraph(Word... words) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                items.add(new Item.Glue(10, 5, 3, null));
            }
            Word word = words[i];
            if (word.split() > 0) {
                items.add(new Item.Box(word.split(), List.of()));
                items.add(new Item.Penalty(5, 50, true, HYPHEN));
                items.add(new Item.Box(word.width() - word.split(), List.of()));
            } else {
                items.add(new Item.Box(word.width(), List.of()));
            }
        }
        items.add(new Item.Glue(0, Item.INFINITY, 0, null));
        items.add(Item.Penalty.forced());
        return items;
    }

    private static List<Item> paragraph(double... widths) {
        return paragraph(java.util.Arrays.stream(widths).mapToObj(KnuthPlassLineBreakerTest::w).toArray(Word[]::new));
    }

    private static List<int[]> ends(List<LineBreaker.Line> lines) {
        return lines.stream().map(l -> new int[] {l.start(), l.end()}).toList();
    }

    private static void assertLines(List<LineBreaker.Line> lines, int[]... expected) {
        assertEquals(expected.length, lines.size(), "lines: " + lines);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], lines.get(i).start(), "start of line " + (i + 1) + ": " + lines);
            assertEquals(expected[i][1], lines.get(i).end(), "end of line " + (i + 1) + ": " + lines);
        }
    }

    @Test
    void looksAheadToAvoidALooseLineThatFirstFitLeaves() {
        // Words 20 10 15 10 10 30 40 35, measure 100. Items: words at even indexes 0..14, spaces
        // between, fill glue 15, forced break 16.
        // First fit takes five words: 65 + 4 spaces = 105, shrunk by 5 of 12 (r = -0.42), which
        // leaves "30 40" = 80 for line 2: 20 short with one space of stretch 5, r = 4 (badness 6400).
        // Total fit: "20 10 15 10" = 85, r = 15 / 15 = 1 (badness 100); "10 30 40" = 100, r = 0;
        // "35" ends the paragraph. Every other first line is infeasible: three words leave 35 for
        // 10 of stretch (r = 3.5), five force the loose line above.
        List<Item> items = paragraph(20, 10, 15, 10, 10, 30, 40, 35);
        List<LineBreaker.Line> lines = BREAKER.breakLines(items, 100, true);
        assertLines(lines, new int[] {0, 7}, new int[] {8, 13}, new int[] {14, 16});
        assertEquals(1.0, lines.get(0).ratio(), 1e-9);
        assertEquals(0.0, lines.get(1).ratio(), 1e-9);
        assertEquals(0.0, lines.get(2).ratio(), 1e-9, "the last line is set at its natural width");

        List<LineBreaker.Line> greedy = GreedyLineBreaker.shrinking().breakLines(items, 100, true);
        assertEquals(4.0, greedy.get(1).ratio(), 1e-9, "first fit leaves the loose line");
    }

    @Test
    void aParagraphWithoutHyphenationPointsIsBrokenAtSpacesOnly() {
        // Words 30 30 30 30 30 20, measure 120: "30 30 30" = 110, r = 10 / 10 = 1 (badness 100),
        // then "30 30 20" = 100, the last line. Four words make 150, 30 over with 9 of shrink.
        List<LineBreaker.Line> lines = BREAKER.breakLines(paragraph(30, 30, 30, 30, 30, 20), 120, true);
        assertLines(lines, new int[] {0, 5}, new int[] {6, 12});
        assertEquals(1.0, lines.get(0).ratio(), 1e-9);
    }

    @Test
    void aParagraphThatFitsOnlyWithAHyphenIsHyphenated() {
        // Words 60 and 70, measure 100, the 70 hyphenable after 25 (items: box 60, glue, box 25,
        // hyphen penalty 3, box 45, fill, forced 6). "60" alone has no stretch (infeasible), "60 70"
        // is 140 (overfull); "60 25-" = 60 + 10 + 25 + 5 = 100 exactly (r = 0), then "45".
        List<Item> items = paragraph(w(60), hy(70, 25));
        List<LineBreaker.Line> lines = BREAKER.breakLines(items, 100, true);
        assertLines(lines, new int[] {0, 3}, new int[] {4, 6});
        assertEquals(0.0, lines.get(0).ratio(), 1e-9);
    }

    @Test
    void aHyphenIsNotUsedWhenTheParagraphBreaksWellWithoutOne() {
        // Words 40 50 40, measure 100, the last hyphenable after 20: "40 50" = 100 (r = 0) needs no
        // hyphen, and "40 50 20-" = 135 would not fit anyway; the first pass finds it.
        List<LineBreaker.Line> lines = BREAKER.breakLines(paragraph(w(40), w(50), hy(40, 20)), 100, true);
        assertLines(lines, new int[] {0, 3}, new int[] {4, 8});
    }

    @Test
    void aWordWiderThanTheMeasureGetsALineOfItsOwnAndNothingIsLost() {
        // 20 200 20 in 100: the 200 cannot fit anywhere; the emergency pass sets it alone.
        List<LineBreaker.Line> lines = BREAKER.breakLines(paragraph(20, 200, 20), 100, false);
        assertLines(lines, new int[] {0, 1}, new int[] {2, 3}, new int[] {4, 6});
        assertTrue(lines.get(1).ratio() < -1, "the wide line is overfull: " + lines.get(1));
    }

    @Test
    void raggedLinesAreBrokenForAnEvenRagAndSetAtNaturalWidth() {
        // Ragged: spaces 10, fixed. Words 20 40 20 50 45 in 10pt type (virtual stretch 2 em = 20),
        // measure 100. First fit: "20 40 20" = 100 exactly, then "50" alone, 50 short (r = 2.5,
        // badness 1562.5): a deep notch in the rag. Demerits 10² + 1572.5² + 2 × 10000 (fitness
        // jumps decent → very loose → decent) + 10² = 2492956.
        // Total fit: "20 40" (30 short, r = 1.5, badness 337.5), "20 50" (20 short, r = 1, badness
        // 100), "45": 347.5² + 10000 (decent → very loose) + 110² + 10² = 142956.
        List<Item> items = new ArrayList<>();
        double[] widths = {20, 40, 20, 50, 45};
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                items.add(new Item.Glue(10, 0, 0, null));
            }
            items.add(new Item.Box(widths[i], List.of(HYPHEN)));
        }
        List<LineBreaker.Line> lines = BREAKER.breakLines(items, 100, false);
        assertLines(lines, new int[] {0, 3}, new int[] {4, 7}, new int[] {8, 9});
        for (LineBreaker.Line line : lines) {
            assertEquals(0.0, line.ratio(), 1e-9, "ragged lines keep their natural spacing");
        }
        List<LineBreaker.Line> greedy = new GreedyLineBreaker().breakLines(items, 100, false);
        assertEquals(5, greedy.get(0).end(), "first fit fills the first line");
    }

    @Test
    void neverMoreThanTwoHyphenatedLinesInARowEvenWhenAThirdWouldCostLess() {
        // With double-hyphen demerits off, runs of hyphens are cheap; the limit must still hold,
        // and the result must be the best breaking that keeps it.
        KnuthPlassLineBreaker.Parameters d = KnuthPlassLineBreaker.Parameters.defaults();
        LineBreaker breaker = new KnuthPlassLineBreaker(new KnuthPlassLineBreaker.Parameters(d.pretolerance(),
                d.tolerance(), d.linePenalty(), d.fitnessDemerits(), 0, d.finalHyphenDemerits(), 2, d.raggedStretch()));
        Random random = new Random(7);
        int constrained = 0;
        for (int trial = 0; trial < 100_000 && constrained < 10; trial++) {
            List<Item> items = randomParagraph(random, 8 + random.nextInt(5), 1);
            double width = 70 + 5 * random.nextInt(10);
            Exhaustive oracle = new Exhaustive(items, width, 0);
            // Only paragraphs that need hyphens, whose unconstrained optimum has three in a row, and
            // which can be broken within tolerance with at most two.
            double limited = oracle.best(200, true, 2);
            if (oracle.best(100, false, 2) < Double.POSITIVE_INFINITY || limited == Double.POSITIVE_INFINITY
                    || oracle.best(200, true, 99) == limited) {
                continue;
            }
            List<LineBreaker.Line> lines = breaker.breakLines(items, width, true);
            int run = 0;
            for (LineBreaker.Line line : lines) {
                boolean hyphen = items.get(line.end()) instanceof Item.Penalty p && p.flagged();
                run = hyphen ? run + 1 : 0;
                assertTrue(run <= 2, "three hyphenated lines in a row: " + items);
            }
            assertEquals(limited, oracle.demerits(lines), 1e-6);
            constrained++;
        }
        assertEquals(10, constrained, "paragraphs where the limit mattered");
    }

    @Test
    void findsTheBreakingWithTheFewestDemeritsOfAllPossibleOnes() {
        Random random = new Random(42);
        int compared = 0;
        for (int trial = 0; trial < 1000; trial++) {
            List<Item> items = randomParagraph(random, 6 + random.nextInt(6), random.nextInt(4));
            double width = 100 + random.nextInt(50);
            Exhaustive oracle = new Exhaustive(items, width, 10_000);
            double best = oracle.best(100, false, 2);
            if (best == Double.POSITIVE_INFINITY) {
                best = oracle.best(200, true, 2);
            }
            if (best == Double.POSITIVE_INFINITY) {
                continue; // needs the emergency pass; covered by the overfull test
            }
            List<LineBreaker.Line> lines = BREAKER.breakLines(items, width, true);
            assertEquals(best, oracle.demerits(lines), 1e-6, "paragraph " + items + " at " + width);
            compared++;
        }
        assertTrue(compared > 200, "enough paragraphs were compared: " + compared);
    }

    /** Words 10 to 50 wide; one in {@code hyphenEvery} words of 30 or more may be hyphenated (0: none). */
    private static List<Item> randomParagraph(Random random, int words, int hyphenEvery) {
        Word[] ws = new Word[words];
        for (int i = 0; i < words; i++) {
            double width = 10 + 5 * random.nextInt(9);
            boolean hyphenate = hyphenEvery > 0 && width >= 30 && random.nextInt(hyphenEvery) == 0;
            ws[i] = hyphenate ? hy(width, 10 + 5 * random.nextInt((int) (width - 20) / 5)) : w(width);
        }
        return paragraph(ws);
    }

    /**
     * Every way of breaking a small paragraph, costed by the rules the breaker documents: line
     * demerits {@code (10 + badness)² + penalty²}, {@code doubleHyphenDemerits} for two hyphenated lines in a row, the
     * default {@code finalHyphenDemerits} for a hyphen before the last line, 10000 between lines whose fitness classes are not
     * neighbours, and no third hyphenated line in a row.
     */
    private record Exhaustive(List<Item> items, double width, double doubleHyphenDemerits) {

        /** The fewest demerits of any breaking within tolerance with at most {@code limit} hyphens in a row. */
        double best(double tolerance, boolean hyphenate, int limit) {
            return search(start(-1), 1, false, 0, tolerance, hyphenate, limit);
        }

        private double search(int start, int fitness, boolean flagged, int hyphens, double tolerance,
                boolean hyphenate, int limit) {
            double best = Double.POSITIVE_INFINITY;
            for (int b = start; b < items.size(); b++) {
                if (!isBreak(b, hyphenate)) {
                    continue;
                }
                double r = ratio(start, b);
                if (r < -1) {
                    break;
                }
                boolean forced = items.get(b) instanceof Item.Penalty p && p.penalty() <= -Item.INFINITY;
                boolean flag = items.get(b) instanceof Item.Penalty p && p.flagged();
                int run = flag ? hyphens + 1 : 0;
                if ((badness(r) > tolerance && !forced) || run > limit) {
                    if (forced) {
                        break;
                    }
                    continue;
                }
                double d = line(r, b, flagged, fitness);
                double rest = forced ? 0 : search(start(b), fitness(r), flag, run, tolerance, hyphenate, limit);
                best = Math.min(best, d + rest);
                if (forced) {
                    break;
                }
            }
            return best;
        }

        double demerits(List<LineBreaker.Line> lines) {
            double total = 0;
            int fitness = 1;
            boolean flagged = false;
            for (LineBreaker.Line line : lines) {
                double r = ratio(line.start(), line.end());
                total += line(r, line.end(), flagged, fitness);
                fitness = fitness(r);
                flagged = items.get(line.end()) instanceof Item.Penalty p && p.flagged();
            }
            return total;
        }

        private double line(double r, int b, boolean previousFlagged, int previousFitness) {
            double d = Math.pow(10 + badness(r), 2);
            Item item = items.get(b);
            boolean forced = item instanceof Item.Penalty p && p.penalty() <= -Item.INFINITY;
            if (item instanceof Item.Penalty p && !forced) {
                d += p.penalty() * p.penalty();
            }
            if (item instanceof Item.Penalty p && p.flagged() && previousFlagged) {
                d += doubleHyphenDemerits;
            }
            if (forced && previousFlagged) {
                d += KnuthPlassLineBreaker.Parameters.defaults().finalHyphenDemerits();
            }
            if (Math.abs(fitness(r) - previousFitness) > 1) {
                d += 10_000;
            }
            return d;
        }

        private boolean isBreak(int i, boolean hyphenate) {
            Item item = items.get(i);
            if (item instanceof Item.Penalty p) {
                return p.penalty() < Item.INFINITY && (hyphenate || p.hyphen() == null);
            }
            return item instanceof Item.Glue && i > 0 && items.get(i - 1) instanceof Item.Box;
        }

        private int start(int breakAt) {
            int i = breakAt + 1;
            while (i < items.size() && !(items.get(i) instanceof Item.Box)) {
                if (items.get(i) instanceof Item.Penalty p && p.penalty() <= -Item.INFINITY && i > breakAt + 1) {
                    break;
                }
                i++;
            }
            return i;
        }

        private double ratio(int start, int end) {
            double natural = 0;
            double stretch = 0;
            double shrink = 0;
            for (int i = start; i < end; i++) {
                Item item = items.get(i);
                if (!(item instanceof Item.Penalty)) {
                    natural += item.width();
                }
                if (item instanceof Item.Glue g) {
                    stretch += g.stretch();
                    shrink += g.shrink();
                }
            }
            if (items.get(end) instanceof Item.Penalty p) {
                natural += p.width();
            }
            if (natural < width) {
                return stretch > 0 ? (width - natural) / stretch : Item.INFINITY;
            }
            if (natural > width) {
                return shrink > 0 ? (width - natural) / shrink : -Item.INFINITY;
            }
            return 0;
        }

        private static double badness(double r) {
            return Math.min(10_000, 100 * Math.pow(Math.abs(r), 3));
        }

        private static int fitness(double r) {
            return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
        }
    }
}
