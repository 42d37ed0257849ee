package dev.brochure.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Inline;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.vocab.Rgb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in layouts for the kinds of section a brochure has: each runs with the default
 * theme, and the testimonial cards and the gallery adapt to how many entries the YAML holds.
 */
class BuiltinLayoutsTest {

    @TempDir
    Path project;

    private Path content;

    @BeforeEach
    void setUp() throws IOException {
        content = project.resolve("brochure-content");
        Files.createDirectories(content.resolve("sections"));
        Files.createDirectories(project.resolve("images"));
        Files.copy(Path.of("images/portraits/yuguang-yao.jpg"), project.resolve("images/face.jpg"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("images/campus/campus-autumn.jpg"), project.resolve("images/photo.jpg"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("images/logos/cisco.png"), project.resolve("images/logo.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void testimonialCardsFillRowsThatDependOnHowManyEntriesThereAre() throws IOException {
        assertEquals(List.of(2), cardsPerRow(testimonials(2, "")));
        assertEquals(List.of(3), cardsPerRow(testimonials(3, "")));
        assertEquals(List.of(2, 2), cardsPerRow(testimonials(4, "")));
        assertEquals(List.of(3, 2), cardsPerRow(testimonials(5, "")));
        assertEquals(List.of(2, 2, 1), cardsPerRow(testimonials(5, "columns: 2\n")));
    }

    /** Price cards: up to three in a row; four as two rows of two (four in a row left a price too narrow a card). */
    @Test
    void priceCardsTakeColumnsThatSuitTheirNumber() throws IOException {
        for (int cards : new int[] {1, 2, 3, 4, 5, 6}) {
            StringBuilder yaml = new StringBuilder("layout: pricing\ntitle: Fees\ncards:\n");
            for (int i = 1; i <= cards; i++) {
                yaml.append("  - {name: Tier ").append(i).append(", price: 'CHF 1,400'}\n");
            }
            write("a-pricing", yaml.toString());
            Block.Grid grid = layout().getFirst().blocks().stream().filter(Block.Grid.class::isInstance)
                    .map(Block.Grid.class::cast).findFirst().orElseThrow();
            assertEquals(cards == 4 ? 2 : Math.min(cards, 3), grid.columns(), cards + " cards");
        }
        write("a-pricing", "layout: pricing\ntitle: Fees\ncolumns: '4'\ncards:\n  - {name: A, price: '1'}\n"
                + "  - {name: B, price: '2'}\n  - {name: C, price: '3'}\n  - {name: D, price: '4'}\n");
        assertEquals(4, layout().getFirst().blocks().stream().filter(Block.Grid.class::isInstance)
                .map(Block.Grid.class::cast).findFirst().orElseThrow().columns(), "unless the content asks for four");
    }

    @Test
    void anImpossibleNumberOfColumnsIsAContentErrorAtItsLine() {
        BrochureException e = assertThrows(BrochureException.class, () -> testimonials(3, "columns: 0\n"));
        String report = e.diagnostics().stream().map(Diagnostic::format).reduce("", String::concat);
        assertTrue(report.contains("sections/voices.yaml:3:10: error: 'columns' cannot be '0'"), report);
    }

    @Test
    void oneColumnSetsEachTestimonialAsAWideCardWithThePersonBesideTheQuote() throws IOException {
        List<Block> blocks = testimonials(3, "columns: 1\n").blocks();
        List<Block.Panel> cards = blocks.stream().filter(Block.Panel.class::isInstance).map(Block.Panel.class::cast)
                .toList();
        assertEquals(3, cards.size());
        for (Block.Panel card : cards) {
            Block.Row row = assertInstanceOf(Block.Row.class, card.blocks().getFirst());
            assertEquals(2, row.cells().size());
            assertInstanceOf(Block.Image.class, row.cells().getFirst().blocks().getFirst(), "the portrait comes first");
            assertInstanceOf(Block.Quote.class, row.cells().get(1).blocks().getFirst(), "the quote beside it");
        }
    }

    @Test
    void testimonialFactsCarryTheLabelsTheContentGivesAndAreOptional() throws IOException {
        LayoutSection section = testimonials(2, "labels: {current: \"Heute:\", visit: \"Besuch:\", publication: \"Publikation:\"}\n");
        String text = text(section.blocks());
        assertTrue(text.contains("Heute: Scientist 0"), text);
        assertTrue(text.contains("Besuch: 05/23–09/23"), "a plain field is set typographically: " + text);
        assertTrue(text.contains("Publikation: Paper 0"), text);
        assertEquals(1, count(text, "Besuch:"), "only the entry that has a visit shows one");
    }

    @Test
    void withoutLabelsTheFactsArePrintedAloneAndNoTemplateWordsAppear() throws IOException {
        String text = text(testimonials(2, "").blocks());
        assertTrue(text.contains("Scientist 0") && text.contains("Paper 0"), text);
        for (String english : List.of("Current", "Visiting", "Publication")) {
            assertFalse(text.contains(english), "no label of the first brochure in the template: " + text);
        }
    }

    @Test
    void aGalleryPutsAWidePhotoInARowOfItsOwnAndCaptionsWithPositionsInAKeyBesideTheRow() throws IOException {
        write("gallery", """
                layout: gallery
                title: Moments
                photos:
                  - {photo: {src: images/photo.jpg, alt: Everyone}, position: Up, caption: The whole team, wide: true}
                  - {photo: {src: images/photo.jpg, alt: One}, position: Mid L, caption: Left}
                  - {photo: {src: images/photo.jpg, alt: Two}, position: Mid R, caption: Right}
                  - {photo: {src: images/photo.jpg, decorative: true}, caption: Under its photo}
                closing: Thanks for looking.
                """);
        List<Block.Row> rows = layout().getFirst().blocks().stream().filter(Block.Row.class::isInstance)
                .map(Block.Row.class::cast).toList();
        assertEquals(3, rows.size(), "a wide row, a full row of two, and a row with the last photo");
        assertEquals(List.of(1, 2, 1), rows.stream().map(r -> photos(r).size()).toList());
        assertEquals(1, rows.get(0).cells().size() == 2 ? ((Block.Row) rows.get(0).cells().getFirst().blocks().getFirst()).cells().size() : -1,
                "the wide photo fills its row");
        assertEquals(2, ((Block.Row) rows.get(2).cells().getFirst().blocks().getFirst()).cells().size(),
                "the last photo keeps the grid's width, an empty cell beside it");
        assertEquals("[Up] The whole team", text(rows.get(0).cells().get(1).blocks()).strip());
        assertEquals("[Mid L] Left [Mid R] Right", text(rows.get(1).cells().get(1).blocks()).strip());
        Block.Image last = photos(rows.get(2)).getFirst();
        assertEquals("Under its photo", last.caption().stream().map(BuiltinLayoutsTest::runText)
                .collect(Collectors.joining()));
    }

    @Test
    void everyBuiltInLayoutRunsWithTheDefaultTheme() throws IOException {
        write("a-cover", "layout: cover\ntitle: T\ntagline: Tag\nplace: P\nphoto: {src: images/photo.jpg, alt: A photo}\n");
        write("b-article", "layout: article\ntitle: T\nhighlights: [a, b, c]\nphoto: {src: images/photo.jpg, alt: A photo}\n"
                + "columns: 2\nparagraphs: [x, y]\nclosing: https://example.org\n");
        write("c-letter", "layout: letter\ntitle: Dr. X\nportrait: images/face.jpg\ntitles: [Professor]\n"
                + "pull-quote: Q\nparagraphs: [Hello]\nsignature: X\nsignature-note: Founder\n");
        write("d-pillars", "layout: pillars\ntitle: Vision\nintro: [I]\nlead-in: L\npillars:\n"
                + "  - {title: A, text: a}\n  - {title: B, text: b}\nclosing: [C]\n"
                + "photos:\n  - {photo: {src: images/photo.jpg, alt: A photo}, caption: c}\n");
        write("e-feature", "layout: feature\nstatement: S\nlead: L\nphoto: {src: images/photo.jpg, alt: A photo}\nphoto-side: right\n"
                + "subsections:\n  - {title: T, paragraphs: [p]}\n");
        write("f-stats", "layout: stats\ntitle: Numbers\nphoto: {src: images/photo.jpg, alt: A photo}\ncaption: c\nintro: [I]\n"
                + "subsections:\n  - {title: T, paragraphs: [p]}\n"
                + "stats:\n  - {value: '8', label: servers}\n  - {value: '60+', label: GPUs}\n");
        write("g-profile", "layout: profile\ntitle: Story\nintro: I\nportrait: images/face.jpg\nname: N\n"
                + "facts: [f]\nquote: Q\n");
        write("h-logos", "layout: logo-wall\ntitle: Partners\nintro: [I]\ngroups:\n"
                + "  - {title: G, logos: [{name: A, logo: images/logo.png}, {name: B, logo: images/logo.png}]}\n");
        write("i-cta", "layout: call-to-action\ntitle: Join\nsubtitle: S\nintro: [I]\nlabel: L\n"
                + "blocks:\n  - {title: B, paragraphs: [p], items: [i]}\nslogan: WE WIN\n"
                + "slogan-photo: {src: images/photo.jpg, alt: A photo}\n");
        List<LayoutSection> sections = layout();
        assertEquals(9, sections.size());
        LayoutSection cta = sections.getLast();
        assertEquals("closing", cta.master().name(), "the call to action is set on the brand colour");
        assertInstanceOf(Block.FixedPage.class, cta.blocks().getLast(), "the slogan gets a back cover");
        Block.Grid logos = sections.get(7).blocks().stream().filter(Block.Grid.class::isInstance)
                .map(Block.Grid.class::cast).findFirst().orElseThrow();
        assertEquals(3, logos.columns(), "tiles in a grid of three");
        assertEquals(2, logos.cells().size());
        assertEquals(Block.LastRow.CENTER, logos.lastRow(), "a partial last row is centred");
    }

    @Test
    void aLogoTileDescribesItsLogoByThePartnersNameInsteadOfPrintingIt() throws IOException {
        write("logos", "layout: logo-wall\ntitle: Partners\ngroups:\n"
                + "  - {title: Industry, logos: [{name: Acme - \"Labs\", logo: images/logo.png}, {name: Beta, logo: images/logo.png}]}\n");
        List<Block> blocks = layout().getFirst().blocks();
        assertEquals(List.of("Acme\u00A0– “Labs”", "Beta"), images(blocks).stream().map(Block.Image::alt).toList(),
                "the name, set typographically, is each logo's alt text");
        String printed = text(blocks);
        assertTrue(!printed.contains("Acme") && !printed.contains("Beta"), "no name is printed: " + printed);
    }

    @Test
    void portraitsAreDescribedByThePersonsName() throws IOException {
        write("a-letter", "layout: letter\ntitle: Dr. Ada **Lovelace**\nportrait: images/face.jpg\nparagraphs: [Hello]\n");
        write("b-profile", "layout: profile\ntitle: Story\nportrait: images/face.jpg\nname: Alan *Turing*\n"
                + "facts: [f]\nquote: Q\nphoto: {src: images/photo.jpg, alt: Alan at work}\ncaption: A photo with a caption\n");
        write("c-voices", "layout: testimonials\ntitle: Voices\nentries:\n"
                + "  - {name: Grace Hopper, portrait: images/face.jpg, quote: Q}\n");
        List<LayoutSection> sections = layout();
        assertEquals(List.of("Dr.\u00A0Ada Lovelace"), alts(sections.get(0)));
        assertEquals(List.of("Alan Turing", "Alan at work"), alts(sections.get(1)),
                "a photo that is not a portrait has the description the content gives it");
        assertEquals(List.of("Grace Hopper"), alts(sections.get(2)));
    }

    @Test
    void theLayoutsForTheCommonSectionsRunAndTypesetWithTheDefaultTheme() throws IOException {
        write("a-cover", "layout: cover\ntitle: T\nphoto: {src: images/photo.jpg, alt: A photo}\nlogo: {image: images/logo.png, name: Acme University}\n");
        write("b-longread", "layout: longread\ntitle: Research\nintro: I\nphoto: {src: images/photo.jpg, alt: A photo}\ncaption: c\nparts:\n"
                + "  - {heading: First, paragraphs: [p, q], items: [i, j]}\n"
                + "  - {paragraphs: [r], figure: {src: images/photo.jpg, alt: A figure}, caption: f, quote: Said, attribution: Someone}\n"
                + "closing: https://example.org\n");
        write("c-table", "layout: table\ntitle: Plan\ncolumns:\n  - {heading: Code}\n  - {heading: Course, width: 1*}\n"
                + "  - {heading: ECTS, align: numeric}\ngroups:\n  - heading: Semester 1\n    rows: [[A1, Algebra, '7.5'], [A2, Analysis, '5']]\n"
                + "    total: ['', Total, '12.5']\n  - rows: [[B1, Thesis, '30']]\nnotes: [n]\n");
        write("d-timeline", "layout: timeline\ntitle: Dates\ndates:\n  - {date: 1 May, title: Open}\n"
                + "  - {date: 1 June, when: Monday, title: Deadline, text: t, highlight: true}\n");
        write("e-faq", "layout: faq\ntitle: Questions\ncolumns: 2\nquestions:\n  - {question: 'Why?', answer: [Because.]}\n"
                + "  - {question: 'How?', answer: [Like this., And this.]}\nclosing: Ask us\n");
        write("f-pricing", "layout: pricing\ntitle: Fees\ncards:\n  - {name: Home, price: '100', period: a year, features: [f]}\n"
                + "  - {name: Away, price: '900', featured: true, note: n}\n"
                + "costs: {title: Costs, headings: [Item, Low, High], rows: [[Rent, '400', '600']], total: [Total, '400', '600']}\n");
        write("g-contact", "layout: contact\ntitle: Contact\naddress: {title: Office, lines: [1 Road, Town]}\n"
                + "contacts: [{title: Phone, lines: [+00 1]}]\nmap: {src: images/photo.jpg, alt: A map}\nmap-caption: m\n"
                + "links: [{label: Apply, link: https://example.org/apply}]\n"
                + "qr: {link: https://example.org/apply, title: Scan, caption: c}\nclosing: Bye\n");
        List<LayoutSection> sections = layout();
        assertEquals(7, sections.size());
        // And through typesetting to a PDF.
        Pipeline pipeline = new Pipeline(Map.of());
        var built = pipeline.build(BuildRequest.of(content, project.resolve("all.pdf")));
        assertTrue(built.pages() >= 7, built.pages() + " pages");

        List<Block> cover = ((Block.FixedPage) sections.get(0).blocks().getFirst()).frames().stream()
                .flatMap(f -> f.blocks().stream()).toList();
        assertEquals(List.of("A photo", "Acme University"), images(cover).stream().map(Block.Image::alt)
                .filter(a -> a != null).toList(), "the photo by its own description, the logo by the name (not printed)");
        assertFalse(text(cover).contains("Acme"));

        Block.Columns flow = find(sections.get(1).blocks(), Block.Columns.class).getFirst();
        assertEquals(2, flow.count(), "a longread flows through two columns unless told");
        assertEquals(List.of("First"), find(flow.blocks(), Block.Heading.class).stream()
                .map(h -> text(List.of(h)).strip()).toList(), "a part without a heading continues the text");
        assertEquals(1, find(flow.blocks(), Block.Quote.class).size(), "the pull quote");
        assertEquals(1, images(flow.blocks()).size(), "the inline figure");

        Block.Table table = find(sections.get(2).blocks(), Block.Table.class).getFirst();
        assertEquals(3, table.columns().size());
        assertEquals(Block.CellAlign.NUMERIC, table.columns().get(2).align());
        assertEquals("Code Course ECTS", text(table.head().getFirst().cells().stream().flatMap(c -> c.blocks().stream()).toList()).strip());
        assertEquals(2, table.body().size(), "a group per semester");
        assertEquals(4, table.body().getFirst().rows().size(), "heading row, two rows, total");
        assertEquals(3, table.body().getFirst().rows().getFirst().cells().getFirst().colspan(), "the group heading spans the table");
        assertTrue(table.zebra() != null, "every other row is tinted unless the content says zebra: false");
        Rgb band = table.body().getFirst().rows().getFirst().cells().getFirst().fill();
        assertEquals(theme().colors().get("table-band"), band, "a group heading stands on the table band");
        assertNotEquals(table.zebra(), band, "which a striped row above it does not merge with");

        List<Block.Row> dates = find(sections.get(3).blocks(), Block.Row.class);
        assertEquals(2, dates.size());
        assertEquals(theme().colors().get("rule"), ((Block.Panel) dates.get(0).cells().get(1).blocks().getFirst()).fill());
        assertEquals(theme().colors().get("accent"), ((Block.Panel) dates.get(1).cells().get(1).blocks().getFirst()).fill(),
                "a highlighted date's line is in the accent colour");

        Block.Grid cards = find(sections.get(5).blocks(), Block.Grid.class).getFirst();
        assertEquals(2, cards.columns(), "two cards share a row");
        assertEquals(theme().colors().get("brand"), ((Block.Panel) cards.cells().get(1).blocks().getFirst()).fill(),
                "the featured card stands on the brand colour");
        assertEquals(1, find(sections.get(5).blocks(), Block.Table.class).size(), "the cost table");

        List<Block.Qr> codes = find(sections.get(6).blocks(), Block.Qr.class);
        assertEquals(List.of("https://example.org/apply"), codes.stream().map(Block.Qr::data).toList());
    }

    @Test
    void questionsAreNumberedFromOneOrFromTheNumberTheContentGives() throws IOException {
        write("a-faq", "layout: faq\ntitle: Q\nquestions:\n  - {question: 'A?', answer: [a]}\n  - {question: 'B?', answer: [b]}\n");
        write("b-faq", "layout: faq\ntitle: More\nfirst-number: 3\nquestions:\n  - {question: 'C?', answer: [c]}\n");
        List<LayoutSection> sections = layout();
        assertEquals("Q 1 A? a 2 B? b", text(sections.get(0).blocks()).strip());
        assertEquals("More 3 C? c", text(sections.get(1).blocks()).strip());
    }

    @Test
    void pillarsOfAnyCountFillRowsOfUpToFourWithTheLastRowCentred() throws IOException {
        Map<Integer, Integer> expected = new java.util.TreeMap<>(Map.of(1, 1, 2, 2, 3, 3, 4, 4, 5, 3, 6, 3, 7, 4, 8, 4, 9, 3));
        for (var e : expected.entrySet()) {
            StringBuilder yaml = new StringBuilder("layout: pillars\ntitle: Tracks\npillars:\n");
            for (int i = 0; i < e.getKey(); i++) {
                yaml.append("  - {title: T").append(i).append(", text: t}\n");
            }
            write("tracks", yaml.toString());
            Block.Grid grid = find(layout().getFirst().blocks(), Block.Grid.class).getFirst();
            assertEquals(e.getValue(), grid.columns(), e.getKey() + " pillars");
            assertEquals(e.getKey(), grid.cells().size());
            assertEquals(Block.LastRow.CENTER, grid.lastRow());
        }
        write("tracks", "layout: pillars\ntitle: Tracks\ncolumns: 2\npillars: [{title: A, text: a}, {title: B, text: b}, {title: C, text: c}]\n");
        assertEquals(2, find(layout().getFirst().blocks(), Block.Grid.class).getFirst().columns(), "columns overrides");
    }

    @Test
    void aRowOfTheTableWithMoreCellsThanColumnsIsAnErrorNamingTheRow() throws IOException {
        write("plan", "layout: table\ntitle: Plan\ncolumns: [{heading: A}, {heading: B}]\n"
                + "groups:\n  - rows: [[a, b], [a, b, c]]\n");
        BrochureException e = assertThrows(BrochureException.class, this::layout);
        String report = e.diagnostics().stream().map(Diagnostic::format).reduce("", String::concat);
        assertTrue(report.contains("row 2 of group 1 has 3 cells but the table has 2 columns"), report);
    }

    /**
     * Issue 14: every printed word comes from the content or the theme. What a built-in template
     * writes outside its tags, directives and interpolations is only space and punctuation.
     */
    @Test
    void noBuiltInTemplatePrintsAWordOfItsOwn() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (var files = Files.list(Path.of("src/main/resources/layouts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ftlx")).sorted().toList()) {
                String t = printedText(Files.readString(file));
                if (t.chars().anyMatch(Character::isLetterOrDigit)) {
                    offenders.add(file.getFileName() + ": " + t.replaceAll("\\s+", " ").strip());
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    /**
     * What a template writes as text: everything outside comments, directives and macro calls
     * ({@code <#...>}, {@code <@...>}, which may hold {@code >} inside parentheses or quotes),
     * interpolations ({@code ${...}}) and markup tags.
     */
    private static String printedText(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("<#--", i)) {
                int end = template.indexOf("-->", i);
                i = end < 0 ? template.length() : end + 3;
            } else if (template.startsWith("${", i)) {
                i = skip(template, i + 2, '}', false);
            } else if (template.charAt(i) == '<') {
                // A directive may hold '<' (1..<n); a markup tag may hold directives (<#if x> a="b"</#if>).
                boolean directive = template.startsWith("<#", i) || template.startsWith("</#", i)
                        || template.startsWith("<@", i) || template.startsWith("</@", i);
                i = skip(template, i + 1, '>', !directive);
            } else {
                out.append(template.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The index after the {@code close} that ends what starts at {@code from}, outside quotes, parentheses and interpolations. */
    private static int skip(String t, int from, char close, boolean nestTags) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '{' || nestTags && c == '<') {
                depth++;
            } else if ((c == ')' || c == '}' || nestTags && c == '>') && depth > 0) {
                depth--;
            } else if (c == close && depth == 0) {
                return i + 1;
            }
        }
        return t.length();
    }

    private dev.brochure.vocab.Theme theme() {
        return new Pipeline(Map.of()).content(BuildRequest.of(content, project.resolve("out.pdf"))).theme();
    }

    /** The blocks of {@code type} in reading order, inside panels, rows, grids, columns and quotes too. */
    private static <T extends Block> List<T> find(List<Block> blocks, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Block block : blocks) {
            if (type.isInstance(block)) {
                out.add(type.cast(block));
            }
            switch (block) {
                case Block.Panel p -> out.addAll(find(p.blocks(), type));
                case Block.Row r -> r.cells().forEach(c -> out.addAll(find(c.blocks(), type)));
                case Block.Grid g -> g.cells().forEach(c -> out.addAll(find(c.blocks(), type)));
                case Block.Columns c -> out.addAll(find(c.blocks(), type));
                case Block.Quote q -> out.addAll(find(q.body(), type));
                case Block.KeepTogether k -> out.addAll(find(List.of(k.block()), type));
                default -> { }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> alts(LayoutSection section) {
        return images(section.blocks()).stream().map(Block.Image::alt).toList();
    }

    /** The image blocks in reading order, inside panels, rows and quotes too. */
    private static List<Block.Image> images(List<Block> blocks) {
        List<Block.Image> out = new ArrayList<>();
        for (Block block : blocks) {
            switch (block) {
                case Block.Image i -> out.add(i);
                case Block.Panel p -> out.addAll(images(p.blocks()));
                case Block.Row r -> r.cells().forEach(c -> out.addAll(images(c.blocks())));
                case Block.Grid g -> g.cells().forEach(c -> out.addAll(images(c.blocks())));
                case Block.Columns c -> out.addAll(images(c.blocks()));
                default -> { }
            }
        }
        return out;
    }

    private LayoutSection testimonials(int entries, String extra) throws IOException {
        StringBuilder yaml = new StringBuilder("layout: testimonials\ntitle: Voices\n" + extra + "entries:\n");
        for (int i = 0; i < entries; i++) {
            yaml.append("  - name: Person ").append(i).append("\n    portrait: images/face.jpg\n")
                    .append("    quote: Words of person ").append(i).append(".\n")
                    .append("    role: Alumni\n    current: Scientist ").append(i).append('\n');
            if (i == 0) {
                yaml.append("    visit: 05/23-09/23\n    publication: Paper 0\n");
            }
        }
        write("voices", yaml.toString());
        return layout().getFirst();
    }

    private static List<Integer> cardsPerRow(LayoutSection section) {
        List<Integer> out = new ArrayList<>();
        for (Block block : section.blocks()) {
            if (block instanceof Block.Grid grid) {
                assertTrue(grid.equalHeight(), "cards in a row are of equal height");
                assertEquals(Block.LastRow.CENTER, grid.lastRow(), "an incomplete last row is centred");
                int cards = grid.cells().size();
                for (int start = 0; start < cards; start += grid.columns()) {
                    out.add(Math.min(grid.columns(), cards - start));
                }
            }
        }
        return out;
    }

    private static List<Block.Image> photos(Block.Row galleryRow) {
        Block.Row inner = (Block.Row) galleryRow.cells().getFirst().blocks().getFirst();
        return inner.cells().stream().flatMap(c -> c.blocks().stream()).filter(Block.Image.class::isInstance)
                .map(Block.Image.class::cast).toList();
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(content.resolve("sections/" + name + ".yaml"), yaml);
        List<String> sections;
        try (var files = Files.list(content.resolve("sections"))) {
            sections = files.map(f -> "  - sections/" + f.getFileName()).sorted().toList();
        }
        Files.writeString(content.resolve("brochure.yaml"),
                "title: Test\nauthor: Tests\nsections:\n" + String.join("\n", sections) + "\n");
    }

    private List<LayoutSection> layout() {
        Pipeline pipeline = new Pipeline(Map.of());
        BuildRequest request = BuildRequest.of(content, project.resolve("out.pdf"));
        BrochureContent loaded = pipeline.content(request);
        LayoutDocument document = pipeline.layout(request, loaded);
        return document.sections();
    }

    /** All the words of the blocks, in order, one space between blocks. */
    private static String text(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            switch (block) {
                case Block.Paragraph p -> out.append(p.text().stream().map(BuiltinLayoutsTest::runText)
                        .collect(Collectors.joining())).append(' ');
                case Block.Heading h -> out.append(h.text().stream().map(BuiltinLayoutsTest::runText)
                        .collect(Collectors.joining())).append(' ');
                case Block.Panel p -> out.append(text(p.blocks()));
                case Block.Row r -> r.cells().forEach(c -> out.append(text(c.blocks())));
                case Block.Grid g -> g.cells().forEach(c -> out.append(text(c.blocks())));
                case Block.Columns c -> out.append(text(c.blocks()));
                case Block.KeepTogether k -> out.append(text(List.of(k.block())));
                case Block.ListBlock l -> l.items().forEach(item -> out.append(text(item)));
                case Block.Table t -> {
                    t.head().forEach(r -> r.cells().forEach(c -> out.append(text(c.blocks()))));
                    t.body().forEach(g -> g.rows().forEach(r -> r.cells().forEach(c -> out.append(text(c.blocks())))));
                }
                case Block.Quote q -> out.append(text(q.body()));
                default -> { }
            }
        }
        return out.toString().replaceAll("\\s+", " ");
    }

    private static String runText(Inline inline) {
        return inline instanceof Inline.Run r ? r.text() : " ";
    }

    private static int count(String text, String part) {
        return (int) IntStream.range(0, text.length()).filter(i -> text.startsWith(part, i)).count();
    }
}
