package dev.brochure.typeset.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.vocab.Rgb;
import dev.brochure.testing.TestProject;
import dev.brochure.world.font.FontFace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which words are cut where, and that cutting changes nothing about how the whole word measures. */
class WordHyphenationTest {

    private static final FontFace SERIF = TestProject.font("Vollkorn-Regular");
    private static final FontFace BOLD = TestProject.font("Vollkorn-Bold");
    private static final WordHyphenation HYPHENATION =
            new WordHyphenation(Hyphenator.forLanguage("en-US").orElseThrow(), 50);

    private static Fragment fragment(FontFace face, String text, String href) {
        return new Fragment(face, 10, Rgb.BLACK, href, face.shape(text), 0);
    }

    private static List<Item> items(String word) {
        return HYPHENATION.items(List.of(fragment(SERIF, word, null)));
    }

    /** The word with a hyphen at every penalty, as the boxes show it. */
    private static String cuts(List<Item> items) {
        StringBuilder b = new StringBuilder();
        for (Item item : items) {
            switch (item) {
                case Item.Box box -> box.fragments().forEach(f -> b.append(f.shaped().text()));
                case Item.Penalty p -> b.append('-');
                case Item.Glue g -> b.append(' ');
            }
        }
        return b.toString();
    }

    @Test
    void lowerCaseWordsAreCutAtTheirHyphenationPoints() {
        assertEquals("op-ti-miza-tion,", cuts(items("optimization,")));
        assertEquals("(al-go-rithms)", cuts(items("(algorithms)")));
    }

    @Test
    void theCutWordMeasuresAsTheWholeAndTheHyphenAddsWhatItsShapingSays() {
        List<Item> items = items("experimentation");
        double whole = fragment(SERIF, "experimentation", null).width();
        double boxes = items.stream().filter(Item.Box.class::isInstance).mapToDouble(Item::width).sum();
        assertEquals(whole, boxes, 1e-9, "unbroken, the word is exactly as wide as before");
        Item.Penalty first = (Item.Penalty) items.get(1);
        assertTrue(first.flagged() && first.penalty() == 50);
        String before = ((Item.Box) items.get(0)).fragments().getFirst().shaped().text();
        double withHyphen = fragment(SERIF, before + "-", null).width();
        assertEquals(withHyphen - items.get(0).width(), first.width(), 1e-9, "hyphen plus kerning change at the cut");
        assertEquals("-", first.hyphen().shaped().text());
    }

    @Test
    void aLigatureIsNeverCut() {
        // Vollkorn sets "ffi" as one glyph: "of-fice" would cut it, "effi-cient" does not.
        assertEquals(3, SERIF.shape("office").length() - 1, "office is four glyphs: o, ffi, c, e");
        assertEquals("office", cuts(items("office")));
        assertEquals("effi-cient", cuts(items("efficient")));
    }

    @Test
    void namesAcronymsNumbersAndAddressesAreLeftWhole() {
        for (String word : List.of("Michigan", "NeurIPS", "OPTML", "Optimization", "2021-2024", "www.optml-group.com",
                "liusiji5@msu.edu", "state-of-the-art/trustworthy")) {
            assertEquals(1, items(word).size(), word);
        }
        List<Item> link = HYPHENATION.items(List.of(fragment(SERIF, "documentation", "https://example.org")));
        assertEquals(1, link.size(), "link text is never hyphenated");
    }

    @Test
    void aWordInTwoStylesIsCutInsideEitherAndAtTheBoundary() {
        List<Item> items = HYPHENATION.items(List.of(fragment(BOLD, "multi", null), fragment(SERIF, "modal", null)));
        assertEquals("mul-ti-modal", cuts(items));
        Item.Penalty boundary = (Item.Penalty) items.get(3);
        assertEquals(BOLD, boundary.hyphen().face(), "the hyphen takes the look of the text before it");
    }
}
