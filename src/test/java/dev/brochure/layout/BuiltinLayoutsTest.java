package dev.brochure.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        Files.createDirectories(project.resolve("fonts"));
        try (var fonts = Files.list(Path.of("fonts"))) {
            for (Path font : fonts.filter(f -> f.toString().endsWith(".ttf")).toList()) {
                Files.copy(font, project.resolve("fonts").resolve(font.getFileName()));
            }
        }
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
    void testimonialFactsAreLabelledAndOptional() throws IOException {
        LayoutSection section = testimonials(2, "");
        String text = text(section.blocks());
        assertTrue(text.contains("Current: Scientist 0"), text);
        assertTrue(text.contains("Visiting Time: 05/23–09/23"), "a plain field is set typographically: " + text);
        assertTrue(text.contains("Publication: Paper 0"), text);
        assertEquals(1, count(text, "Visiting Time:"), "only the entry that has a visit shows one");
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
        Block.Row logos = sections.get(7).blocks().stream().filter(Block.Row.class::isInstance)
                .map(Block.Row.class::cast).findFirst().orElseThrow();
        assertEquals(4, logos.cells().size(), "two tiles of a grid of three, between two empty cells");
        assertEquals(List.of(0, 1, 1, 0), logos.cells().stream().map(c -> c.blocks().size()).toList());
        assertEquals(logos.cells().getFirst().weight(), logos.cells().getLast().weight(), 1e-9, "centred");
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
            if (block instanceof Block.Row row) {
                out.add((int) row.cells().stream().filter(c -> !c.blocks().isEmpty()).count());
                assertTrue(row.equalHeight(), "cards in a row are of equal height");
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
