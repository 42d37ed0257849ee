package dev.brochure.typeset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.quality.TypographyReport;
import dev.brochure.typeset.text.GreedyLineBreaker;
import dev.brochure.typeset.text.KnuthPlassLineBreaker;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running text of the OPTML brochure (fixture "typography": 58 paragraphs and headings,
 * justified in one, two and three columns and ragged in two and three) meets the acceptance figures of the typesetting-quality issue
 * under the default breaker, and total fit beats first fit on the same text.
 */
class TypographyQualityTest {

    @TempDir
    static Path temp;

    static TypographyReport totalFit;
    static TypographyReport firstFit;

    @BeforeAll
    static void typeset() {
        TestProject project = TestProject.copy("typography", temp);
        Pipeline pipeline = new Pipeline(Map.of());
        totalFit = pipeline.typeset(project.request(temp.resolve("x.pdf")), new KnuthPlassLineBreaker()).typography();
        firstFit = pipeline.typeset(project.request(temp.resolve("x.pdf")), new GreedyLineBreaker()).typography();
    }

    @Test
    void theDefaultBreakerIsTotalFit() {
        TestProject project = TestProject.copy("minimal", temp.resolve("default"));
        Typesetter.Result result = new Pipeline(Map.of()).typeset(project.request(temp.resolve("y.pdf")));
        assertEquals("knuth-plass", result.typography().breaker());
    }

    @Test
    void noOverfullLinesWidowsOrphansOrHeadingsAtAColumnFoot() {
        TypographyReport.Totals t = totalFit.totals();
        assertTrue(t.justifiedLines() > 150 && t.raggedLines() > 100, "the corpus is big enough to mean something: " + t);
        assertEquals(0, t.overfull(), "overfull lines");
        assertEquals(0, t.widows(), "widows");
        assertEquals(0, t.orphans(), "orphans");
        assertEquals(0, t.headingsAtFoot(), "headings at a column foot");
    }

    @Test
    void neverMoreThanTwoHyphenatedLinesInARowThoughTextIsHyphenated() {
        TypographyReport.Totals t = totalFit.totals();
        assertTrue(t.hyphenated() > 20, "the narrow columns need hyphens: " + t.hyphenated());
        assertTrue(t.longestHyphenRun() <= 2, "longest run " + t.longestHyphenRun());
        assertEquals(0, t.hyphenRunsOverTwo());
    }

    @Test
    void totalFitSetsJustifiedTextMoreEvenlyThanFirstFit() {
        TypographyReport.Totals kp = totalFit.totals();
        TypographyReport.Totals greedy = firstFit.totals();
        assertTrue(kp.meanAbsRatio() < 0.97 * greedy.meanAbsRatio(),
                "mean |r| " + kp.meanAbsRatio() + " against " + greedy.meanAbsRatio());
        assertTrue(kp.veryLoose() < greedy.veryLoose(), "very loose lines " + kp.veryLoose() + " against " + greedy.veryLoose());
        assertTrue(kp.maxAbsRatio() <= greedy.maxAbsRatio() + 1e-9);
    }

    @Test
    void totalFitKeepsTheRaggedTextFromStackingHyphens() {
        TypographyReport.Totals kp = totalFit.totals();
        TypographyReport.Totals greedy = firstFit.totals();
        assertTrue(greedy.longestHyphenRun() > 2, "first fit stacks hyphens: " + greedy.longestHyphenRun());
        assertTrue(kp.hyphenated() < greedy.hyphenated(), kp.hyphenated() + " against " + greedy.hyphenated());
        assertTrue(kp.maxShortfall() <= greedy.maxShortfall() + 1e-9, "no deeper notch in the rag");
    }
}
