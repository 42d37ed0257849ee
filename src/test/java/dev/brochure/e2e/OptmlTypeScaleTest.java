package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.LineText;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.vocab.TextStyle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 4: one type scale for every built-in layout. Headings of one level have one size
 * on every page, running text is set at a readable measure, and on the profile page the person's
 * words rank below the lead. Read from the layout and the typeset document of the OPTML brochure.
 */
class OptmlTypeScaleTest {

    /** The steps of the scale; every other style takes its size from one of them. */
    static final Set<String> SCALE = Set.of("h1", "h2", "h3", "lead", "quote", "body", "caption");
    /** Styles of running text (body and the styles that are body text in a layout). */
    static final Set<String> RUNNING_TEXT = Set.of("body", "list", "letter", "panel-body", "panel-body-inverse",
            "closing-body", "closing-list", "card-quote", "card-quote-wide", "profile-quote");
    /** At most about this many characters a line: a readable measure (45–75 is the usual range). */
    static final int MEASURE = 75;

    static LayoutDocument layout;
    static TypesetDocument typeset;

    @BeforeAll
    static void build() {
        Pipeline pipeline = new Pipeline(Map.of());
        BuildRequest request = BuildRequest.of(Path.of("brochure-content"), Path.of("unused.pdf"));
        layout = pipeline.layout(request, pipeline.content(request));
        typeset = pipeline.typeset(request).document();
    }

    @Test
    void everyHeadingOfALevelHasOneSizeOnEveryPage() {
        Map<Integer, Set<Double>> sizes = new TreeMap<>();
        Map<Integer, List<String>> where = new TreeMap<>();
        for (LayoutSection section : layout.sections()) {
            for (Block.Heading h : headings(section.blocks())) {
                sizes.computeIfAbsent(h.level(), k -> new TreeSet<>()).add(h.style().size());
                where.computeIfAbsent(h.level(), k -> new ArrayList<>()).add(section.id() + ": " + h.style().name()
                        + " " + h.style().size());
            }
        }
        assertTrue(sizes.containsKey(1) && sizes.containsKey(2), "titles and second-level heads: " + sizes);
        sizes.forEach((level, set) -> assertEquals(1, set.size(), "level " + level + ": " + where.get(level)));
        // and they rank: a title is larger than a second-level head, which is larger than a third-level one
        double previous = Double.MAX_VALUE;
        for (Set<Double> set : sizes.values()) {
            assertTrue(set.iterator().next() < previous, "sizes fall with the level: " + sizes);
            previous = set.iterator().next();
        }
        // The mentorship page's statement is its title now, at the title's size.
        assertTrue(where.get(1).stream().anyMatch(s -> s.startsWith("05-mentorship: statement 28")), where.get(1).toString());
        // The computing page's subsections are second-level heads, as the mentorship page's are.
        assertTrue(where.get(2).stream().anyMatch(s -> s.startsWith("06-computing:")), where.get(2).toString());
    }

    /**
     * Leads are large ragged text set across the page: the theme's {@code measure} keeps their lines
     * to a readable length too, where the page is wider than that.
     */
    @Test
    void noLineOfALeadIsLongerThanAReadableMeasure() {
        Longest leads = longest(line -> Set.of("lead", "closing-lead").contains(line.paragraph().style()));
        assertTrue(leads.lines() >= 10, "leads to judge: " + leads.lines() + " lines");
        assertTrue(leads.characters() <= MEASURE, leads.characters() + " characters: " + leads.worst());
        assertTrue(leads.characters() >= 50, "and not too short either: " + leads.characters());
    }

    /** How many lines were judged, and the longest of them. */
    private record Longest(int lines, int characters, String worst) {
    }

    private static Longest longest(java.util.function.Predicate<PageItem.TextLine> judged) {
        int lines = 0;
        int longest = 0;
        String worst = "";
        for (Page page : typeset.pages()) {
            for (PageItem item : page.items()) {
                if (item instanceof PageItem.TextLine line && judged.test(line)) {
                    String text = LineText.of(page, line);
                    lines++;
                    if (text.length() > longest) {
                        longest = text.length();
                        worst = "page " + page.number() + " (" + line.paragraph().style() + "): " + text;
                    }
                }
            }
        }
        return new Longest(lines, longest, worst);
    }

    @Test
    void noLineOfRunningTextIsLongerThanAReadableMeasure() {
        Longest running = longest(line -> RUNNING_TEXT.contains(line.paragraph().style()) && !line.paragraph().heading());
        int lines = running.lines();
        int longest = running.characters();
        String worst = running.worst();
        assertTrue(lines > 200, "running text to judge: " + lines + " lines");
        assertTrue(longest <= MEASURE, longest + " characters: " + worst);
        assertTrue(longest >= 55, "and the columns are not too narrow either: " + longest);
    }

    @Test
    void onTheProfilePageTheLeadOutranksThePersonsWordsAndTheFactsAreSetAtTextSize() {
        TextStyle lead = style("lead");
        TextStyle quote = style("profile-quote");
        TextStyle facts = style("fact-inverse");
        assertTrue(lead.size() > quote.size(), "lead " + lead.size() + " over the quote " + quote.size());
        assertEquals(style("quote").size(), quote.size(), "the profile's quote is on the scale's quote step");
        assertEquals(style("body").size(), facts.size(), "facts at the size of running text");
        assertTrue(facts.spaceAfter() >= 3, "facts spaced apart");
        // and that is what is typeset on the page with the profile's name
        Page profile = typeset.pages().stream().filter(p -> p.items().stream().anyMatch(i -> i instanceof PageItem.GlyphRun r
                && r.text().contains("Brian Zhang"))).findFirst().orElseThrow();
        Set<String> styles = new TreeSet<>();
        for (PageItem item : profile.items()) {
            if (item instanceof PageItem.TextLine line) {
                styles.add(line.paragraph().style() + " " + line.paragraph().size());
            }
        }
        assertTrue(styles.contains("lead " + lead.size()) && styles.contains("profile-quote " + quote.size())
                && styles.contains("fact-inverse " + facts.size()), styles.toString());
    }

    /**
     * The built-in theme gives sizes only to the steps of its scale: every other style names the
     * step whose size it takes (or inherits one), and every style a built-in template uses exists.
     */
    @Test
    void theDefaultThemeSizesEveryStyleFromItsScale() throws IOException {
        String theme = resource("themes/default.yaml");
        Matcher style = Pattern.compile("(?m)^  ([a-z0-9-]+): \\{(.*)").matcher(theme);
        Set<String> names = new TreeSet<>();
        int checked = 0;
        while (style.find()) {
            String name = style.group(1);
            names.add(name);
            Matcher size = Pattern.compile("size: ([^,}]+)").matcher(style.group(2));
            if (size.find()) {
                String value = size.group(1).strip();
                if (SCALE.contains(name) || name.equals("footer")) {
                    assertTrue(value.endsWith("pt"), name + ": a step of the scale has a length: " + value);
                } else {
                    assertTrue(SCALE.contains(value), name + " takes its size from a step of the scale, not " + value);
                    checked++;
                }
            }
            assertFalse(!SCALE.contains(name) && !name.equals("footer") && style.group(2).contains("leading:"),
                    name + " sets no leading of its own: it comes with the step's size");
        }
        assertTrue(names.containsAll(SCALE), "the scale: " + names);
        assertTrue(checked >= 20, "styles sized by the scale: " + checked);
        // style="name", or style="${...?then('one', 'other')}"
        Pattern used = Pattern.compile("style=\"(?:([a-z0-9-]+)|\\$\\{[^}]*then\\('([a-z0-9-]+)', '([a-z0-9-]+)'\\)\\})\"");
        List<String> layouts;
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/layouts"))) {
            layouts = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ftlx"))
                    .map(n -> n.substring(0, n.length() - ".ftlx".length())).sorted().toList();
        }
        assertTrue(layouts.containsAll(List.of("article", "call-to-action", "contact", "cover", "faq", "feature",
                "gallery", "letter", "logo-wall", "longread", "pillars", "pricing", "profile", "stats", "table",
                "testimonials", "timeline")), "every built-in layout: " + layouts);
        int usedStyles = 0;
        for (String layoutName : layouts) {
            Matcher m = used.matcher(resource("layouts/" + layoutName + ".ftlx"));
            while (m.find()) {
                for (String name : new String[] {m.group(1), m.group(2), m.group(3)}) {
                    assertTrue(name == null || names.contains(name), layoutName + " uses style " + name
                            + ", which the theme lacks");
                    if (name != null) {
                        usedStyles++;
                    }
                }
            }
        }
        assertTrue(usedStyles > 80, "styles found in the templates: " + usedStyles);
    }

    private static TextStyle style(String name) {
        return layout.theme().styles().get(name);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OptmlTypeScaleTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("no resource " + name));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Block.Heading> headings(List<Block> blocks) {
        List<Block.Heading> out = new ArrayList<>();
        for (Block b : blocks) {
            switch (b) {
                case Block.Heading h -> out.add(h);
                case Block.Panel p -> out.addAll(headings(p.blocks()));
                case Block.Columns c -> out.addAll(headings(c.blocks()));
                case Block.Quote q -> out.addAll(headings(q.body()));
                case Block.Row r -> r.cells().forEach(cell -> out.addAll(headings(cell.blocks())));
                case Block.ListBlock l -> l.items().forEach(item -> out.addAll(headings(item)));
                case Block.FixedPage f -> f.frames().forEach(frame -> out.addAll(headings(frame.blocks())));
                default -> { }
            }
        }
        return out;
    }
}
