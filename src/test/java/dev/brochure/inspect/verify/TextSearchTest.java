package dev.brochure.inspect.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextSearchTest {

    private static boolean found(String extracted, String unit) {
        return new TextSearch(extracted).find(TextSearch.normalize(unit)).found();
    }

    @Test
    void forgivesWhatTypesettingChanges() {
        assertTrue(found("We train the next gen-\neration of re\u00ADsearchers.", "We train the next generation of researchers."));
        assertTrue(found("It\u2019s \u201Ctrustworthy\u201D \u2014 and e\ufb03cient", "It's \"trustworthy\" -- and efficient"));
        assertTrue(found("M S U  C A M P U S ,  E A S T  L A N S I N G", "MSU Campus, East Lansing"));
        assertTrue(found("foundations   with\tmodern\n\nAI", "foundations with modern AI"));
        assertTrue(found("Stra\u00DFe", "STRASSE"));
    }

    @Test
    void doesNotForgiveOtherWords() {
        assertFalse(found("We train the next generation of researchers.", "We train the last generation of researchers."));
        assertFalse(found("score 91", "score 19"));
        assertFalse(found("", "anything"));
    }

    @Test
    void findsAParagraphInterruptedByARunningFooter() {
        String unit = "By blending rigorous mathematics with hands-on experimentation, we train the next generation.";
        String extracted = "By blending rigorous mathematics with\nAn Introduction and Invitation from OPTML Group  Welcome 3\n"
                + "hands-on experimentation, we train the next generation.";
        assertTrue(found(extracted, unit));
    }

    @Test
    void reportsHowFarAUnitWithAMissingSentenceMatched() {
        String unit = "The first sentence is printed in full. This second sentence was lost. The third one is there.";
        String extracted = "The first sentence is printed in full. The third one is there.";
        TextSearch.Normalized normalized = TextSearch.normalize(unit);
        TextSearch.Match match = new TextSearch(extracted).find(normalized);
        assertFalse(match.found());
        assertEquals("This second sentence was lost. The third one is there.", unit.substring(match.foundUpTo()));
    }

    @Test
    void reportsHowFarAChineseUnitMatchedThoughItHasNoSpaces() {
        String unit = "我们的研究小组致力于理解城市中的水资源管理。这一句丢失了。第三句在这里。";
        String extracted = "我们的研究小组致力于理解城市中的水资源管理。第三句在这里。";
        TextSearch.Match match = new TextSearch(extracted).find(TextSearch.normalize(unit));
        assertFalse(match.found());
        // Chinese has no spaces between words: each character is a place the report may start from.
        assertEquals("这一句丢失了。第三句在这里。", unit.substring(match.foundUpTo()));
    }

    @Test
    void doesNotStitchAUnitTogetherFromShortScraps() {
        // Each word occurs, in order, but never as a piece of sixteen characters or more.
        String extracted = "the cat | sat on | the mat | today";
        assertFalse(found(extracted, "the cat sat on the mat today"));
        assertTrue(found(extracted.replace(" | ", " "), "the cat sat on the mat today"));
    }

    @Test
    void doesNotReachFurtherThanTheGapForTheNextPiece() {
        String first = "A first piece long enough to count";
        String second = "and a second one long enough too";
        String near = first + " footer 12 " + second;
        String far = first + " " + "x".repeat(TextSearch.MAX_GAP + 10) + " " + second;
        assertTrue(found(near, first + " " + second));
        assertFalse(found(far, first + " " + second));
    }
}
