package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.typeset.quality.TypographyReport;
import dev.brochure.typeset.text.GreedyLineBreaker;
import dev.brochure.typeset.text.KnuthPlassLineBreaker;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 4's acceptance figures, on the OPTML brochure itself (docs/typography.md has the table). */
class OptmlTypographyTest {

    private static TypographyReport.Totals totals(dev.brochure.typeset.text.LineBreaker breaker) {
        BuildRequest request = BuildRequest.of(Path.of("brochure-content"), Path.of("unused.pdf"));
        return new Pipeline(Map.of()).typeset(request, breaker).typography().totals();
    }

    @Test
    void theBrochureIsSetWithoutFaultsAndMoreEvenlyThanByFirstFit() {
        TypographyReport.Totals total = totals(new KnuthPlassLineBreaker());
        assertEquals(0, total.overfull(), "overfull lines");
        assertEquals(0, total.widows(), "widows");
        assertEquals(0, total.orphans(), "orphans");
        assertEquals(0, total.headingsAtFoot(), "headings at a column foot");
        assertTrue(total.longestHyphenRun() <= 2, "hyphenated lines in a row: " + total.longestHyphenRun());
        assertTrue(total.justifiedLines() >= 50, "there is justified text to judge: " + total.justifiedLines());

        TypographyReport.Totals greedy = totals(new GreedyLineBreaker());
        assertTrue(total.meanAbsRatio() < 0.85 * greedy.meanAbsRatio(), "mean |r| " + total.meanAbsRatio()
                + " clearly below first fit's " + greedy.meanAbsRatio());
        assertTrue(total.maxAbsRatio() < greedy.maxAbsRatio(), "and no line as loose as first fit's worst");
    }
}
