package dev.brochure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.brochure.content.model.RichText.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Content text comes out as a typesetter would set it; addresses and escapes are left alone. */
class TypographyTest {

    private static final String NBSP = "\u00A0";

    private static String set(String text) {
        return InlineMarkup.parse(text).plainText();
    }

    @Test
    void straightQuotesBecomeCurlyOnesByContext() {
        assertEquals("“Having a good mentor,” she wrote.", set("\"Having a good mentor,\" she wrote."));
        assertEquals("a ‘fresh’ look (“new”)", set("a 'fresh' look (\"new\")"));
    }

    @Test
    void apostrophesPointTheWayOfAClosingQuote() {
        assertEquals("I’m sure the students’ work from the ’90s is Nature’s", set("I'm sure the students' work from the '90s is Nature's"));
    }

    @Test
    void quotesAroundMarkupTakeTheirContextAcrossIt() {
        List<Span> spans = InlineMarkup.parse("say \"**yes**\" now").spans();
        assertEquals(List.of(new Span("say “", false, false, null), new Span("yes", true, false, null),
                new Span("” now", false, false, null)), spans);
    }

    @Test
    void hyphensBecomeDashesWhereTheyAreDashes() {
        assertEquals("reach out" + NBSP + "– we’d love", set("reach out - we'd love"));
        assertEquals("a lab" + NBSP + "— a team", set("a lab --- a team"));
        assertEquals("pages 10–12, 2021–2024", set("pages 10--12, 2021-2024"));
        assertEquals("MIT-IBM, hands-on, 517-355-1855", set("MIT-IBM, hands-on, 517-355-1855"),
                "compound words and phone numbers keep their hyphens");
    }

    @Test
    void threeDotsBecomeAnEllipsis() {
        assertEquals("and so on…", set("and so on..."));
    }

    @Test
    void noBreakSpacesTieTitlesToNamesAndNumbersToUnits() {
        assertEquals("Dr." + NBSP + "Sijia Liu and Prof." + NBSP + "Liu", set("Dr. Sijia Liu and Prof. Liu"));
        assertEquals("300" + NBSP + "TB of memory, 85" + NBSP + "% of the time", set("300 TB of memory, 85 % of the time"));
        assertEquals("over 60 of the latest GPUs", set("over 60 of the latest GPUs"), "a plain word is no unit");
    }

    @Test
    void addressesAreLeftExactlyAsWritten() {
        List<Span> spans = InlineMarkup.parse("see https://example.org/a--b...c and \"x\"").spans();
        assertEquals(new Span("https://example.org/a--b...c", false, false, "https://example.org/a--b...c"),
                spans.get(1));
        assertEquals(" and “x”", spans.get(2).text());
    }

    @Test
    void escapedCharactersStayStraight() {
        assertEquals("5'11\" tall, a -- b", set("5\\'11\\\" tall, a \\-\\- b"));
        assertEquals("wait... no", set("wait\\.\\.\\. no"));
    }

    @Test
    void plainTextIsSetTypographicallyButReadsNoMarkup() {
        assertEquals("OPTML Ph.D. Candidate (Fall 2024" + NBSP + "– Present)",
                InlineMarkup.plain("OPTML Ph.D. Candidate (Fall 2024 - Present)"));
        assertEquals("05/23–09/23, “Best Paper” at ICLR’24", InlineMarkup.plain("05/23-09/23, \"Best Paper\" at ICLR'24"));
        assertEquals("Ada **Lovelace** [site](x) and *this*", InlineMarkup.plain("Ada **Lovelace** [site](x) and *this*"),
                "markup characters are plain characters");
    }

    @Test
    void plainTextKeepsAddressesAndEscapesAsTextDoes() {
        assertEquals("mail a-b--c@example.org or see https://example.org/a--b – now",
                InlineMarkup.plain("mail a-b--c@example.org or see https://example.org/a--b - now").replace(NBSP, " "));
        assertEquals("5'11\" tall", InlineMarkup.plain("5\\'11\\\" tall"));
        assertEquals("C:\\temp\\x", InlineMarkup.plain("C:\\temp\\x"), "a backslash before anything else stays");
    }
}
