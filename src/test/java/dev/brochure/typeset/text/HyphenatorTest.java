package dev.brochure.typeset.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.world.Workspace;
import org.junit.jupiter.api.Test;

class HyphenatorTest {

    /** The patterns the TeXbook (appendix H) shows voting on "hyphenation": .h0y3p0h0e2n5a4t2i0o2n. */
    private static final String TEXBOOK = "\\patterns{ % from the TeXbook\nhy3ph he2n hena4 hen5at 1na n2at 1tio 2io o2n\n}";

    @Test
    void oddVotesAllowAHyphenAndEvenOnesForbidIt() {
        Hyphenator h = Hyphenator.parse(TEXBOOK, 2, 3);
        // y|p gets 3 (hy3ph), n|a gets 5 (hen5at beats n2at's 2), a|t gets 4 (hena4 beats 1tio).
        assertEquals("hy-phen-ation", h.hyphenate("hyphenation"));
        assertArrayEquals(new int[] {2, 6}, h.points("hyphenation"));
        // Without hen5at, n|a keeps n2at's even 2: no hyphen there.
        Hyphenator fewer = Hyphenator.parse(TEXBOOK.replace("hen5at", ""), 2, 3);
        assertEquals("hy-phenation", fewer.hyphenate("hyphenation"));
    }

    @Test
    void noFragmentShorterThanTheMinimums() {
        Hyphenator h = Hyphenator.parse("\\patterns{1b 1c 1d 1e}", 2, 3);
        // Every gap before b..e votes 1, but a hyphen needs 2 letters before and 3 after it.
        assertEquals("ab-cde", h.hyphenate("abcde"));
        assertEquals("abcd", h.hyphenate("abcd"), "too short to hyphenate at all");
    }

    @Test
    void theShippedAmericanPatternsHyphenateAsTeXDoes() {
        Hyphenator h = Hyphenator.forLanguage("en-US").orElseThrow();
        assertEquals("hy-phen-ation", h.hyphenate("hyphenation"));
        assertEquals("su-per-cal-ifrag-ilis-tic-ex-pi-ali-do-cious", h.hyphenate("supercalifragilisticexpialidocious"));
        assertEquals("con-cate-na-tion", h.hyphenate("concatenation"));
        // The pattern file lists this as a known bug of the patterns: reproducing it shows we follow them exactly.
        assertEquals("de-mo-c-rat", h.hyphenate("democrat"));
        assertEquals("op-ti-miza-tion", h.hyphenate("optimization"));
        assertEquals("Al-go-rithms", h.hyphenate("Algorithms"), "case does not change where hyphens go");
    }

    @Test
    void knuthsExceptionsWinOverThePatterns() {
        Hyphenator h = Hyphenator.forLanguage("en").orElseThrow();
        assertEquals("as-so-ciate", h.hyphenate("associate"));
        assertEquals("ta-ble", h.hyphenate("table"));
        assertEquals("project", h.hyphenate("project"), "listed without hyphens: never hyphenated");
        assertEquals("present", h.hyphenate("present"));
    }

    @Test
    void languagesWithoutShippedPatternsAreNotHyphenated() {
        assertTrue(Hyphenator.forLanguage("de-DE").isEmpty());
        assertTrue(Hyphenator.forLanguage("en-US").isPresent());
        assertTrue(Hyphenator.forLanguage("EN-us").isPresent(), "language tags are case-insensitive");
    }

    @Test
    void patternsAreReadOncePerWorkspace() {
        Workspace workspace = Workspace.of(java.nio.file.Path.of("brochure-content"));
        Hyphenator us = Hyphenator.forLanguage("en-US", workspace).orElseThrow();
        assertSame(us, Hyphenator.forLanguage("en", workspace).orElseThrow(), "en and en-US share one file");
        assertNotSame(us, Hyphenator.forLanguage("en-GB", workspace).orElseThrow());
        assertNotSame(us, Hyphenator.forLanguage("en-US", Workspace.of(java.nio.file.Path.of("brochure-content")))
                .orElseThrow(), "another workspace reads its own");
        assertTrue(Hyphenator.forLanguage("de", workspace).isEmpty());
    }
}
