package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.model.Section;
import dev.brochure.content.model.Value;
import dev.brochure.diag.Diagnostic;
import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.testing.PdfFiles;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance tests of the OPTML brochure (issue 3): builds {@code brochure-content/} as
 * {@code ./brochure build} does, on A4 and on US Letter, and reads the PDFs back with PDFBox.
 */
class OptmlBrochureTest {

    private static final Path CONTENT = Path.of("brochure-content");

    @TempDir
    static Path temp;

    private static BrochureBuilds builds;

    @BeforeAll
    static void build() throws IOException {
        builds = BrochureBuilds.build(BuiltBrochure.OPTML, temp, "brochure.pdf");
    }

    @AfterAll
    static void close() throws IOException {
        builds.close();
    }

    @Test
    void everyTextUnitOfTheSeedIsInThePdfInTheSeedsOrder() throws IOException {
        assertSeedOrder(builds.pdf().text());
    }

    @Test
    void letterPaperGivesLetterPagesWithTheSameTextAndNoWarnings() throws IOException {
        for (PDPage page : builds.letterPdf().document.getPages()) {
            assertEquals(PDRectangle.LETTER.getWidth(), page.getMediaBox().getWidth(), 0.5);
            assertEquals(PDRectangle.LETTER.getHeight(), page.getMediaBox().getHeight(), 0.5);
        }
        assertSeedOrder(builds.letterPdf().text());
        assertEquals(List.of(), builds.letter().warnings().stream().map(Diagnostic::format).toList(),
                "no overfull line, no block too tall on Letter");
    }

    @Test
    void a4IsTheDefaultAndTheBuildRaisesNoWarnings() {
        for (PDPage page : builds.pdf().document.getPages()) {
            assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getWidth(), 0.5);
            assertEquals(PDRectangle.A4.getHeight(), page.getMediaBox().getHeight(), 0.5);
        }
        assertEquals(List.of(), builds.a4().warnings().stream().map(Diagnostic::format).toList());
    }

    @Test
    void atLeastThirtyFiveImagesAreDrawn() throws IOException {
        List<PdfInspection.PlacedImage> images = builds.pdf().images();
        assertTrue(images.size() >= 35, "only " + images.size() + " images drawn");
        assertTrue(images.stream().allMatch(i -> i.area().getWidth() > 20 && i.area().getHeight() > 20),
                "every image is visible at a real size");
    }

    @Test
    void everyPersonWithATestimonialOrProfileHasTheirPortraitOnThePageOfTheirWords() throws IOException {
        PdfInspection pdf = builds.printPdf();
        List<PdfInspection.PlacedImage> images = pdf.images();
        List<Person> people = people();
        assertTrue(people.size() >= 13, "people found in the content: " + people);
        Set<String> portraits = new TreeSet<>();
        for (Person person : people) {
            portraits.add(PdfInspection.sha256(person.portrait()));
        }
        for (Person person : people) {
            PdfInspection.Found name = pdf.find(person.name());
            PdfInspection.Found words = pdf.find(firstWords(person.words(), 12));
            assertNotNull(name, person.name() + " is in the PDF");
            assertNotNull(words, person.name() + "'s words are in the PDF");
            assertEquals(name.page(), words.page(), person.name() + "'s name and words are on one page");
            String portrait = PdfInspection.sha256(person.portrait());
            assertTrue(images.stream().anyMatch(i -> i.page() == words.page() && portrait.equals(i.sha256())),
                    person.name() + "'s portrait " + person.portrait() + " is drawn on page " + (words.page() + 1));
            // Attributed as the original evidently did: of all the portraits on the page, the one
            // whose centre is nearest to the start of the person's name and of their words is their own.
            assertEquals(portrait, nearestPortrait(images, portraits, name), person.name() + "'s name is by their portrait");
            assertEquals(portrait, nearestPortrait(images, portraits, words), person.name() + "'s words are by their portrait");
        }
    }

    private static String nearestPortrait(List<PdfInspection.PlacedImage> images, Set<String> portraits,
            PdfInspection.Found text) {
        return images.stream().filter(i -> i.page() == text.page() && portraits.contains(i.sha256()))
                .min(java.util.Comparator.comparingDouble(i -> java.awt.geom.Point2D.distance(i.area().getCenterX(),
                        i.area().getCenterY(), text.box().getMinX(), text.box().getMinY())))
                .map(PdfInspection.PlacedImage::sha256).orElse(null);
    }

    @Test
    void everyCaptionSitsNextToItsPhoto() throws IOException {
        PdfInspection pdf = builds.printPdf();
        List<PdfInspection.PlacedImage> images = pdf.images();
        List<Captioned> captions = captions();
        assertTrue(captions.size() >= 11, "captions found in the content: " + captions.size());
        for (Captioned c : captions) {
            PdfInspection.Found text = pdf.find(c.caption());
            assertNotNull(text, "caption '" + c.caption() + "' is in the PDF");
            String hash = PdfInspection.sha256(c.photo());
            List<PdfInspection.PlacedImage> photos = images.stream()
                    .filter(i -> i.page() == text.page() && hash.equals(i.sha256())).toList();
            assertFalse(photos.isEmpty(), c.photo() + " is drawn on the page of its caption '" + c.caption() + "'");
            Rectangle2D photo = photos.getFirst().area();
            Rectangle2D box = text.box();
            // Under the photo, starting within its width; or in the key beside the photo's row (its
            // middle within the photo's height, to the right of it).
            boolean below = box.getMinY() >= photo.getMaxY() - 1 && box.getMinY() - photo.getMaxY() <= 16
                    && box.getMinX() >= photo.getMinX() - 1 && box.getMinX() < photo.getMaxX();
            boolean beside = box.getMinX() >= photo.getMaxX() - 1 && box.getMinX() - photo.getMaxX() < 300
                    && box.getCenterY() >= photo.getMinY() && box.getCenterY() <= photo.getMaxY();
            assertTrue(below || beside, "caption '" + c.caption() + "' at " + box + " is next to its photo at " + photo);
        }
    }

    @Test
    void partnersAreNamedByTheirLogosDescriptionNotByAPrintedLabel() throws IOException {
        List<String> alts = new ArrayList<>();
        for (Section section : builds.content().sections()) {
            walkValues(section.fields(), v -> {
                if (v instanceof Value.Alt alt) {
                    alts.add(alt.text());
                }
            });
        }
        assertTrue(alts.contains("National Science Foundation") && alts.contains("Center for AI Safety"), alts.toString());
        PdfInspection.Found wall = builds.pdf().find("Industry Collaborators");
        assertNotNull(wall);
        String page = PdfInspection.normalise(builds.pdf().text(wall.page()));
        for (String name : alts) {
            assertFalse(page.contains(PdfInspection.normalise(name)), name + " is not printed under its logo");
        }
    }

    @Test
    void noTextIsSetWithStraightQuotesOrASpacedHyphen() throws IOException {
        String text = builds.pdf().text();
        assertFalse(text.contains(" - "), "a hyphen between spaces is an en dash, in plain fields too");
        assertFalse(text.contains("\"") || text.contains("'"), "quotes and apostrophes are curly, in plain fields too");
        String flat = text.replace('\u00A0', ' ').replaceAll("\\s+", " ");
        assertTrue(flat.contains("(Fall 2024 \u2013 Present)"), "dates in a role have their en dash");
    }

    @Test
    void theGalleryScenesShowTheirPeopleAndPlatesWhole() {
        // The event and food scenes fill their 4:3 pictures to the edges (people stand along the
        // bottom and sides): their frames show the whole picture, or at most crop the sides of a
        // wider one, never its top or bottom.
        var document = new Pipeline(Map.of()).typeset(BuildRequest.of(CONTENT, temp.resolve("check.pdf"))).document();
        int scenes = 0;
        for (var page : document.pages()) {
            for (var item : page.items()) {
                if (item instanceof dev.brochure.typeset.page.PageItem.PlacedImage image
                        && image.image().ref().matches("images/(events|food)/.*")) {
                    scenes++;
                    if (image.clip() == null) {
                        continue;
                    }
                    assertEquals(image.height(), image.clip().height(), 0.5, image.image().ref() + " keeps its full height");
                    boolean wider = image.image().aspectRatio() > 4.0 / 3 + 0.01;
                    assertTrue(wider || image.clip().width() >= image.width() - 0.5,
                            image.image().ref() + " keeps its full width");
                }
            }
        }
        assertEquals(9, scenes, "the five community and four food scenes");
    }

    @Test
    void everyTestimonialQuoteStartsLevelWithItsPortrait() throws IOException {
        // Wide cards: the quote starts at the top of its card, beside the person, so quotes never
        // start at different heights because one person's facts take more lines than another's.
        List<PdfInspection.PlacedImage> images = builds.printPdf().images();
        int quotes = 0;
        for (Section section : builds.content().sections()) {
            if (!section.layout().equals("testimonials")) {
                continue;
            }
            for (Value entry : ((Value.Items) section.fields().get("entries")).items()) {
                Value.Fields fields = (Value.Fields) entry;
                String portrait = PdfInspection.sha256(((Value.Image) fields.get("portrait")).image().path());
                PdfInspection.Found quote = builds.printPdf().find(firstWords(words(fields.get("quote")), 6));
                assertNotNull(quote);
                PdfInspection.PlacedImage image = images.stream()
                        .filter(i -> i.page() == quote.page() && portrait.equals(i.sha256())).findFirst().orElseThrow();
                assertEquals(image.area().getMinY(), quote.box().getMinY(), 12,
                        words(fields.get("name")) + "'s quote starts level with their portrait");
                quotes++;
            }
        }
        assertEquals(11, quotes, "the testimonials of pages 7 to 10");
    }

    @Test
    void theWebsiteAndTheEmailAddressAreLinks() throws IOException {
        Set<String> uris = new TreeSet<>();
        for (PDPage page : builds.pdf().document.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                    uris.add(uri.getURI());
                }
            }
        }
        assertTrue(uris.contains("https://www.optml-group.com"), "links: " + uris);
        assertTrue(uris.contains("mailto:liusiji5@msu.edu"), "links: " + uris);
    }

    @Test
    void everyFontIsEmbeddedAndEveryCharacterHasAGlyph() throws IOException {
        for (int p = 0; p < builds.pdf().pages(); p++) {
            PDPage page = builds.pdf().document.getPage(p);
            List<PDFont> fonts = PdfFiles.fonts(page);
            assertFalse(fonts.isEmpty() && !builds.pdf().characters(p).isEmpty(), "page " + (p + 1) + " names its fonts");
            for (PDFont font : fonts) {
                assertTrue(font.isEmbedded(), font.getName() + " on page " + (p + 1) + " is embedded");
            }
            for (TextPosition t : builds.pdf().characters(p)) {
                assertTrue(t.getUnicode() != null && !t.getUnicode().isEmpty() && !t.getUnicode().contains("\uFFFD"),
                        "a character on page " + (p + 1) + " maps to text");
                if (t.getFont() instanceof PDType0Font font) {
                    for (int code : t.getCharacterCodes()) {
                        assertTrue(font.codeToGID(code) != 0, "'" + t.getUnicode() + "' on page " + (p + 1)
                                + " is drawn with a real glyph of " + font.getName() + ", not .notdef");
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Checks that every unit of the seed (see the resource's header) is found, in order. */
    private static void assertSeedOrder(String extracted) throws IOException {
        String text = PdfInspection.normalise(extracted);
        List<List<String>> units = seedUnits();
        assertTrue(units.size() > 100, "the seed has its units");
        int cursor = 0;
        for (List<String> block : units) {
            int end = cursor;
            for (String unit : block) {
                String wanted = PdfInspection.normalise(unit);
                int at = text.indexOf(wanted, cursor);
                if (at < 0) {
                    int anywhere = text.indexOf(wanted);
                    throw new AssertionError((anywhere < 0 ? "missing from the PDF: " : "out of the seed's order: ")
                            + unit + "\n  after: ..." + text.substring(Math.max(0, cursor - 120), cursor));
                }
                end = Math.max(end, at + wanted.length());
            }
            cursor = end;
        }
    }

    /** The units in order; a testimonial block (in braces) is one entry whose units may come in any order. */
    private static List<List<String>> seedUnits() throws IOException {
        List<List<String>> out = new ArrayList<>();
        List<String> block = null;
        for (String line : Files.readAllLines(Path.of("src/test/resources/optml/seed-text-units.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.equals("{")) {
                block = new ArrayList<>();
            } else if (line.equals("}")) {
                out.add(block);
                block = null;
            } else if (block != null) {
                block.add(line);
            } else {
                out.add(List.of(line));
            }
        }
        return out;
    }

    private record Person(String name, String words, Path portrait) {
    }

    private record Captioned(String caption, Path photo) {
    }

    /** Everyone the content gives a portrait: testimonials and profiles (name and quote), letters (title and text). */
    private static List<Person> people() {
        List<Person> out = new ArrayList<>();
        for (Section section : builds.content().sections()) {
            walk(section.fields(), fields -> {
                if (fields.get("portrait") instanceof Value.Image portrait) {
                    String name = words(fields.get("name") != null ? fields.get("name") : section.fields().get("title"));
                    Value said = fields.get("quote") != null ? fields.get("quote") : fields.get("paragraphs");
                    out.add(new Person(name.replaceFirst("^Dr\\. ", ""), words(said), portrait.image().path()));
                }
            });
        }
        return out;
    }

    /** Every photo with a caption, the caption as printed (after its position label, if any). */
    private static List<Captioned> captions() {
        List<Captioned> out = new ArrayList<>();
        for (Section section : builds.content().sections()) {
            walk(section.fields(), fields -> {
                if (fields.get("caption") != null && fields.get("photo") instanceof Value.Image photo) {
                    String caption = words(fields.get("caption"));
                    String position = fields.get("position") == null ? "" : "[" + words(fields.get("position")) + "] ";
                    out.add(new Captioned(position + caption, photo.image().path()));
                }
            });
        }
        return out;
    }

    private static void walkValues(Value value, java.util.function.Consumer<Value> visit) {
        visit.accept(value);
        switch (value) {
            case Value.Fields f -> f.fields().values().forEach(v -> walkValues(v, visit));
            case Value.Items items -> items.items().forEach(v -> walkValues(v, visit));
            default -> { }
        }
    }

    private static void walk(Value value, java.util.function.Consumer<Value.Fields> visit) {
        switch (value) {
            case Value.Fields f -> {
                visit.accept(f);
                f.fields().values().forEach(v -> walk(v, visit));
            }
            case Value.Items items -> items.items().forEach(v -> walk(v, visit));
            default -> { }
        }
    }

    private static String words(Value value) {
        return switch (value) {
            case Value.Text t -> t.text().plainText();
            case Value.Plain p -> p.text();
            case Value.Items items -> items.items().isEmpty() ? "" : words(items.items().getFirst());
            default -> throw new IllegalArgumentException("not text: " + value);
        };
    }

    private static String firstWords(String text, int count) {
        return List.of(text.trim().split("\\s+")).stream().limit(count).collect(Collectors.joining(" "));
    }
}
