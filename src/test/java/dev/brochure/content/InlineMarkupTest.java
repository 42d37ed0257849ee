package dev.brochure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.brochure.content.model.RichText;
import dev.brochure.content.model.RichText.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlineMarkupTest {

    private static Span plain(String text) {
        return new Span(text, false, false, null);
    }

    @Test
    void boldItalicAndPlainRuns() {
        RichText t = InlineMarkup.parse("a **strong** and *soft* and _also soft_ end");
        assertEquals(List.of(plain("a "), new Span("strong", true, false, null), plain(" and "),
                new Span("soft", false, true, null), plain(" and "), new Span("also soft", false, true, null),
                plain(" end")), t.spans());
    }

    @Test
    void explicitLinksKeepTheirLabelAndEmphasis() {
        RichText t = InlineMarkup.parse("see [the **lab** site](https://example.org/x) now");
        assertEquals(List.of(plain("see "), new Span("the ", false, false, "https://example.org/x"),
                new Span("lab", true, false, "https://example.org/x"), new Span(" site", false, false, "https://example.org/x"),
                plain(" now")), t.spans());
    }

    @Test
    void webAndMailAddressesBecomeLinksWithoutTrailingPunctuation() {
        RichText t = InlineMarkup.parse("Visit https://www.optml-group.com. Or mail liusiji5@msu.edu!");
        assertEquals(List.of(plain("Visit "), new Span("https://www.optml-group.com", false, false,
                "https://www.optml-group.com"), plain(". Or mail "),
                new Span("liusiji5@msu.edu", false, false, "mailto:liusiji5@msu.edu"), plain("!")), t.spans());
    }

    @Test
    void linkTargetsKeepBalancedParentheses() {
        String mercury = "https://en.wikipedia.org/wiki/Mercury_(planet)";
        assertEquals(List.of(plain("See "), new Span("the article", false, false, mercury), plain(".")),
                InlineMarkup.parse("See [the article](" + mercury + ").").spans());
        assertEquals(List.of(plain("See "), new Span(mercury, false, false, mercury), plain(", or not.")),
                InlineMarkup.parse("See " + mercury + ", or not.").spans());
        // A ')' that closes the sentence's own parenthesis is not part of the address.
        assertEquals(List.of(plain("(see "), new Span("https://example.org/a", false, false, "https://example.org/a"),
                plain(")")), InlineMarkup.parse("(see https://example.org/a)").spans());
        assertEquals(List.of(plain("x "), new Span("y", false, false, "https://e.org/a_(b_(c))"), plain(" z")),
                InlineMarkup.parse("x [y](https://e.org/a_(b_(c))) z").spans());
    }

    @Test
    void unclosedMarkersAndEscapesStayLiteral() {
        assertEquals("2 * 3 = 6 and a_b_c", InlineMarkup.parse("2 * 3 = 6 and a_b_c").plainText());
        assertEquals("*not italic*", InlineMarkup.parse("\\*not italic\\*").plainText());
        assertEquals(List.of(plain("**open only")), InlineMarkup.parse("**open only").spans());
    }

    @Test
    void lineBreaksInYamlFoldToSpaces() {
        assertEquals("one two", InlineMarkup.parse("one\n  two").plainText());
    }
}
