package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.vocab.SourceLocation;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.typeset.quality.TypographyReport;
import dev.brochure.typeset.text.GreedyLineBreaker;
import dev.brochure.typeset.text.KnuthPlassLineBreaker;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    /**
     * Issue 11: panels in rows of equal height are set twice, and the report counted both
     * settings. Now it holds one record per paragraph of the layout: as many records at each YAML
     * place as the layout has paragraphs (with headings, captions and attributions) there.
     * (Location and text together do not tell paragraphs apart: two cards may share a role,
     * "OPTML Alumni, 2025", and plain fields carry their section's place.)
     */
    @Test
    void everyParagraphOfTheBrochureIsReportedOnce() {
        Pipeline pipeline = new Pipeline(Map.of());
        BuildRequest request = BuildRequest.of(Path.of("brochure-content"), Path.of("unused.pdf"));
        LayoutDocument layout = pipeline.layout(request, pipeline.content(request));
        Map<String, Long> inLayout = new TreeMap<>();
        for (LayoutSection section : layout.sections()) {
            section.blocks().forEach(b -> countText(b, inLayout));
        }
        TypographyReport report = pipeline.check(request).typography();
        Map<String, Long> reported = report.paragraphs().stream().collect(Collectors.groupingBy(
                p -> p.where().toString(), TreeMap::new, Collectors.counting()));
        assertTrue(inLayout.size() > 100, "the brochure's paragraphs: " + inLayout.size());
        Map<String, String> differ = new TreeMap<>();
        for (String where : union(inLayout.keySet(), reported.keySet())) {
            long laid = inLayout.getOrDefault(where, 0L);
            long counted = reported.getOrDefault(where, 0L);
            if (laid != counted) {
                differ.put(where, laid + " in the layout, " + counted + " in the report");
            }
        }
        assertEquals(Map.of(), differ);
    }

    private static TreeSet<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Counts the paragraphs of running text of {@code block} (as typesetting sets them) by YAML place. */
    private static void countText(Block block, Map<String, Long> counts) {
        Function<SourceLocation, Long> one = where -> counts.merge(where.toString(), 1L, Long::sum);
        switch (block) {
            case Block.Paragraph p -> one.apply(p.where());
            case Block.Heading h -> one.apply(h.where());
            case Block.Image i -> {
                if (!i.caption().isEmpty()) {
                    one.apply(i.where());
                }
            }
            case Block.Quote q -> {
                q.body().forEach(b -> countText(b, counts));
                if (!q.attribution().isEmpty()) {
                    one.apply(q.where());
                }
            }
            case Block.ListBlock l -> l.items().forEach(item -> item.forEach(b -> countText(b, counts)));
            case Block.Panel p -> p.blocks().forEach(b -> countText(b, counts));
            case Block.Row r -> r.cells().forEach(c -> c.blocks().forEach(b -> countText(b, counts)));
            case Block.Grid g -> g.cells().forEach(c -> c.blocks().forEach(b -> countText(b, counts)));
            case Block.KeepTogether k -> countText(k.block(), counts);
            case Block.Table t -> {
                t.head().forEach(r -> r.cells().forEach(c -> c.blocks().forEach(b -> countText(b, counts))));
                t.body().forEach(g -> g.rows().forEach(r -> r.cells().forEach(c -> c.blocks().forEach(b -> countText(b, counts)))));
            }
            case Block.Columns c -> c.blocks().forEach(b -> countText(b, counts));
            case Block.FixedPage f -> f.frames().forEach(fr -> fr.blocks().forEach(b -> countText(b, counts)));
            default -> { }
        }
    }
}
