package dev.brochure.typeset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.brochure.typeset.text.GreedyLineBreaker;
import dev.brochure.typeset.text.Item;
import dev.brochure.typeset.text.LineBreaker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GreedyLineBreakerTest {

    /** Words of the given widths separated by spaces 10 wide (stretch 5, shrink 3). */
    static List<Item> words(double... widths) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                items.add(new Item.Glue(10, 5, 3, null));
            }
            items.add(new Item.Box(widths[i], List.of()));
        }
        items.add(new Item.Glue(0, Item.INFINITY, 0, null));
        items.add(Item.Penalty.forced());
        return items;
    }

    @Test
    void fillsEachLineWithWhatFits() {
        // 30+10+30+10+30 = 110 fits in 120; the fourth word would make 150.
        List<LineBreaker.Line> lines = new GreedyLineBreaker().breakLines(words(30, 30, 30, 30, 30), 120, false);
        assertEquals(2, lines.size());
        assertEquals(0, lines.get(0).start());
        assertEquals(5, lines.get(0).end(), "the line ends at the glue after the third word");
        assertEquals(6, lines.get(1).start(), "the next line starts at the fourth word");
    }

    @Test
    void justifiedLinesStretchTheirGlueAndTheLastLineDoesNot() {
        List<LineBreaker.Line> lines = new GreedyLineBreaker().breakLines(words(30, 30, 30, 30, 30), 120, true);
        // Line 1: natural 110, two glues of stretch 5: ratio (120 - 110) / 10 = 1.
        assertEquals(1.0, lines.get(0).ratio(), 1e-9);
        assertEquals(0.0, lines.get(1).ratio(), 1e-9);
    }

    @Test
    void theShrinkingVariantMayShrinkAJustifiedLineToFitOneMoreWord() {
        // 4 words: 30*4 + 3*10 = 150; shrink 3*3 = 9 -> 141 > 140: does not fit at 140, fits at 141.
        LineBreaker shrinking = GreedyLineBreaker.shrinking();
        assertEquals(5, shrinking.breakLines(words(30, 30, 30, 30, 10), 140, true).getFirst().end());
        List<LineBreaker.Line> lines = shrinking.breakLines(words(30, 30, 30, 30, 10), 141, true);
        assertEquals(7, lines.get(0).end());
        assertEquals((141 - 150) / 9.0, lines.get(0).ratio(), 1e-9);
    }

    @Test
    void theWordProcessorVariantFitsWordsAtTheirNaturalSpacing() {
        // At 141 the fourth word fits only by shrinking: first fit at natural spacing leaves it out
        // and stretches the three words it has: (141 - 110) / (2 * 5).
        List<LineBreaker.Line> lines = new GreedyLineBreaker().breakLines(words(30, 30, 30, 30, 10), 141, true);
        assertEquals(5, lines.get(0).end());
        assertEquals((141 - 110) / 10.0, lines.get(0).ratio(), 1e-9);
    }

    @Test
    void aWordWiderThanTheMeasureGetsALineOfItsOwn() {
        List<LineBreaker.Line> lines = new GreedyLineBreaker().breakLines(words(20, 200, 20), 100, false);
        assertEquals(3, lines.size());
        assertEquals(2, lines.get(1).start());
        assertEquals(3, lines.get(1).end());
    }
}
