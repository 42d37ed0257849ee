package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentText;
import dev.brochure.content.model.Section;
import dev.brochure.content.model.Value;
import dev.brochure.diag.Diagnostic;
import dev.brochure.inspect.verify.ExpectedText;
import dev.brochure.inspect.verify.Verifier;
import dev.brochure.inspect.verify.VerifyOptions;
import dev.brochure.inspect.verify.VerifyResult;
import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.BuildResult;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.quality.TypographyReport;
import dev.brochure.vocab.Paper;
import dev.brochure.vocab.Rgb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance tests of the second example brochure (issue 14): an MSc programme brochure
 * written from the README alone, set with built-in layouts only, in its own theme and font.
 * Built as the OPTML brochure is, on A4 and on US Letter, and read back with PDFBox.
 */
class MscBrochureTest {

    @TempDir
    static Path temp;

    private static BrochureBuilds builds;

    @BeforeAll
    static void build() throws IOException {
        builds = BrochureBuilds.build(BuiltBrochure.MSC, temp, "msc.pdf");
    }

    @AfterAll
    static void close() throws IOException {
        builds.close();
    }

    @Test
    void itIsSetWithBuiltInLayoutsOnlyInItsOwnTheme() {
        assertFalse(Files.exists(BuiltBrochure.MSC.folder().resolve("layouts")), "no layouts of its own");
        Set<String> layouts = new TreeSet<>();
        builds.content().sections().forEach(s -> layouts.add(s.layout()));
        assertEquals(Set.of("cover", "letter", "stats", "pillars", "table", "longread", "testimonials", "feature",
                "article", "pricing", "timeline", "faq", "contact"), layouts);
        assertEquals(14, builds.content().sections().size());
        assertEquals("aldersea", builds.content().theme().name());
        assertEquals(new Rgb(0x14, 0x21, 0x3D), builds.content().theme().colors().get("brand"));
    }

    @Test
    void itHasTheLengthOfARealBrochure() {
        int words = 0;
        for (ContentText.Unit unit : ContentText.units(builds.content())) {
            words += unit.text().trim().split("\\s+").length;
        }
        assertTrue(words >= 3000 && words <= 5500, words + " words of text");
    }

    @Test
    void everyTextUnitIsInThePdfSectionAfterSection() throws IOException {
        assertUnitsInOrder(withoutFooters(builds.pdf()));
    }

    @Test
    void a4AndLetterBuildWithoutAnyWarningNotEvenOfANearlyEmptyPage() throws IOException {
        assertEquals(List.of(), builds.a4().warnings().stream().map(Diagnostic::format).toList());
        assertEquals(List.of(), builds.letter().warnings().stream().map(Diagnostic::format).toList());
        for (PDPage page : builds.letterPdf().document.getPages()) {
            assertEquals(PDRectangle.LETTER.getWidth(), page.getMediaBox().getWidth(), 0.5);
        }
        assertUnitsInOrder(withoutFooters(builds.letterPdf()));
    }

    @Test
    void verifyPassesWithTheContentsText() {
        List<ExpectedText> expected = ContentText.units(builds.content()).stream()
                .map(u -> new ExpectedText(u.text(), u.where().toString())).toList();
        for (BuildResult built : List.of(builds.a4(), builds.letter())) {
            VerifyResult result = Verifier.verify(built.output(),
                    new VerifyOptions(VerifyOptions.DEFAULT_MIN_PPI, null, expected));
            assertTrue(result.passed(), built.output() + ": " + result.failures());
        }
    }

    @Test
    void theTypographyPassesTheStrictCheckOnBothPapers() {
        for (Paper paper : List.of(Paper.A4, Paper.LETTER)) {
            BuildRequest request = BuiltBrochure.MSC.request(temp.resolve("check.pdf")).withPaper(paper);
            TypographyReport.Totals t = new Pipeline(Map.of()).check(request).typography().totals();
            assertEquals(0, t.overfull(), paper + ": overfull lines");
            assertEquals(0, t.widows(), paper + ": widows");
            assertEquals(0, t.orphans(), paper + ": orphans");
            assertEquals(0, t.headingsAtFoot(), paper + ": headings at a column foot");
            assertTrue(t.longestHyphenRun() <= 2, paper + ": hyphenated lines in a row: " + t.longestHyphenRun());
        }
    }

    @Test
    void itsOwnFontIsEmbeddedForTheTitles() throws IOException {
        Set<String> fonts = new TreeSet<>();
        for (PDFont font : dev.brochure.testing.PdfFiles.fonts(builds.pdf().document)) {
            assertTrue(font.isEmbedded(), font.getName());
            fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
        }
        assertTrue(fonts.contains("Vollkorn-SemiBold"), "titles in the content folder's font: " + fonts);
        assertTrue(fonts.stream().anyMatch(f -> f.startsWith("Lato")), "text in Lato: " + fonts);
    }

    @Test
    void everyPersonsPortraitIsDrawnOnThePageOfTheirName() throws IOException {
        List<PdfInspection.PlacedImage> images = builds.printPdf().images();
        int people = 0;
        for (Section section : builds.content().sections()) {
            if (!section.layout().equals("testimonials")) {
                continue;
            }
            for (Value entry : ((Value.Items) section.fields().get("entries")).items()) {
                Value.Fields fields = (Value.Fields) entry;
                String name = ((Value.Plain) fields.get("name")).text();
                String role = ((Value.Plain) fields.get("role")).text();
                String portrait = PdfInspection.sha256(((Value.Image) fields.get("portrait")).image().path());
                // The name with the role under it: a lecturer's name alone is also printed elsewhere.
                PdfInspection.Found found = builds.printPdf().find(name + role);
                assertNotNull(found, name);
                assertTrue(images.stream().anyMatch(i -> i.page() == found.page() && portrait.equals(i.sha256())
                        && Math.abs(i.area().getMinX() - found.box().getMinX()) < 10),
                        name + "'s portrait stands above their name on page " + (found.page() + 1));
                people++;
            }
        }
        assertEquals(13, people, "six lecturers and seven students");
    }

    @Test
    void theSevenStudentCardsFillRowsOfFourWithTheLastRowCentred() {
        Page page = typesetPageWith("In their own words");
        Rgb card = builds.content().theme().colors().get("card");
        List<PageItem.Box> cards = page.items().stream().filter(PageItem.Box.class::isInstance)
                .map(PageItem.Box.class::cast).filter(b -> card.equals(b.fill())).toList();
        assertEquals(7, cards.size(), "one card per student");
        double top = cards.getFirst().rect().y();
        assertEquals(4, cards.stream().filter(b -> Math.abs(b.rect().y() - top) < 0.5).count(), "four in the first row");
        List<PageItem.Box> last = cards.subList(4, 7);
        double centre = (last.getFirst().rect().x() + last.getLast().rect().x() + last.getLast().rect().width()) / 2;
        assertEquals(page.width() / 2, centre, 0.5, "the last three are centred");
        assertEquals(cards.get(1).rect().x() - cards.get(0).rect().x(), last.get(1).rect().x() - last.get(0).rect().x(),
                0.5, "as far apart as the cards above");
    }

    @Test
    void theFiveTracksFillARowOfThreeAndACentredRowOfTwo() {
        Page page = typesetPageWith("Five tracks, one foundation");
        Rgb brand = builds.content().theme().colors().get("brand");
        List<PageItem.Box> panels = page.items().stream().filter(PageItem.Box.class::isInstance)
                .map(PageItem.Box.class::cast).filter(b -> brand.equals(b.fill())).toList();
        assertEquals(5, panels.size(), "one brand panel per track");
        double top = panels.getFirst().rect().y();
        assertEquals(3, panels.stream().filter(b -> Math.abs(b.rect().y() - top) < 0.5).count(), "three in the first row");
        List<PageItem.Box> last = panels.subList(3, 5);
        double centre = (last.get(0).rect().x() + last.get(1).rect().x() + last.get(1).rect().width()) / 2;
        assertEquals(page.width() / 2, centre, 0.5, "the last two are centred");
        assertEquals(panels.getFirst().rect().width(), last.getFirst().rect().width(), 0.5, "as wide as the others");
    }

    @Test
    void theContactPageHasAQrCodeOfTheApplicationFormAndItsLinks() throws IOException {
        Page page = typesetPageWith("Come and see us");
        List<PageItem.QrCode> codes = page.items().stream().filter(PageItem.QrCode.class::isInstance)
                .map(PageItem.QrCode.class::cast).toList();
        assertEquals(1, codes.size());
        assertEquals("https://www.aldersea.example/msc-cs/apply", codes.getFirst().data());
        Set<String> uris = new TreeSet<>();
        for (PDPage p : builds.pdf().document.getPages()) {
            for (PDAnnotation annotation : p.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                    uris.add(uri.getURI());
                }
            }
        }
        assertTrue(uris.containsAll(List.of("https://www.aldersea.example/msc-cs/apply",
                "mailto:msc-cs@aldersea.example", "https://www.aldersea.example/msc-cs/theses")), uris.toString());
    }

    @Test
    void theCoursePlanTableRepeatsNothingAndTotalsEverySemester() throws IOException {
        String text = PdfInspection.normalise(builds.pdf().text());
        assertEquals(4, count(text, PdfInspection.normalise("Semester total")), "one total per semester");
        assertTrue(text.contains(PdfInspection.normalise("CSC5401 Master's Thesis in Computational Science 30")), text);
    }

    // ------------------------------------------------------------------ helpers

    private Page typesetPageWith(String title) {
        var document = new Pipeline(Map.of()).typeset(BuiltBrochure.MSC.request(temp.resolve("t.pdf"))).document();
        int index = document.outline().stream().filter(o -> o.title().equals(title)).findFirst().orElseThrow()
                .pageIndex();
        return document.pages().get(index);
    }

    /** The text of every page, less the running footer under the type area (a paragraph goes on across it). */
    private static String withoutFooters(PdfInspection pdf) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < pdf.pages(); p++) {
            double foot = pdf.document.getPage(p).getMediaBox().getHeight() - 15 * 72 / 25.4;
            for (org.apache.pdfbox.text.TextPosition t : pdf.characters(p)) {
                if (t.getYDirAdj() < foot) {
                    out.append(t.getUnicode());
                }
            }
            out.append(' ');
        }
        return out.toString();
    }

    /** Every section's units are found after the section before it, in any order within the section. */
    private static void assertUnitsInOrder(String extracted) {
        // Letter case and spaces aside (a tracked kicker in capitals extracts as "M A S T E R"),
        // as verify's content-text rule does.
        String text = PdfInspection.compact(extracted).toLowerCase(java.util.Locale.ROOT);
        Map<String, List<String>> bySection = new LinkedHashMap<>();
        for (ContentText.Unit unit : ContentText.units(builds.content())) {
            bySection.computeIfAbsent(unit.where().file(), f -> new ArrayList<>()).add(unit.text());
        }
        assertEquals(14, bySection.size(), "every section has text");
        int cursor = 0;
        for (Map.Entry<String, List<String>> section : bySection.entrySet()) {
            int end = cursor;
            for (String unit : section.getValue()) {
                String wanted = PdfInspection.compact(unit).toLowerCase(java.util.Locale.ROOT);
                int at = text.indexOf(wanted, cursor);
                if (at < 0) {
                    throw new AssertionError((text.contains(wanted) ? "out of order: " : "missing from the PDF: ")
                            + unit + " (" + section.getKey() + ")");
                }
                end = Math.max(end, at + wanted.length());
            }
            cursor = end;
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * The second brochure, built from the layouts the OPTML one does not use (tables, a QR code, a
     * timeline, questions, prices), is as accessible: veraPDF finds no PDF/UA-1 rule broken, its
     * tables are read as tables (head cells TH, body cells TD, in rows) and its QR code is a
     * described figure inside the link it opens.
     */
    @Test
    void theSecondBrochureIsPdfUa1WithItsTablesAndItsQrCodeTagged() throws IOException {
        dev.brochure.testing.VeraPdf.Verdict verdict = dev.brochure.testing.VeraPdf.pdfUa1(builds.a4().output());
        assertEquals(java.util.List.of(), verdict.failures(), verdict.toString());
        assertTrue(verdict.compliant());
        java.util.List<dev.brochure.inspect.ReadingOrder.Block> order;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = dev.brochure.testing.PdfFiles.open(builds.a4().output())) {
            order = dev.brochure.inspect.Accessibility.readingOrder(doc);
        }
        java.util.Set<String> roles = order.stream().map(dev.brochure.inspect.ReadingOrder.Block::role)
                .collect(java.util.stream.Collectors.toSet());
        assertTrue(roles.containsAll(java.util.List.of("TH", "TD")), "table cells are read as table cells: " + roles);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = dev.brochure.testing.PdfFiles.open(builds.a4().output())) {
            java.util.List<String> figures = new java.util.ArrayList<>();
            java.util.List<String> links = new java.util.ArrayList<>();
            collect(doc.getDocumentCatalog().getStructureTreeRoot().getKids(), figures, links);
            assertTrue(figures.contains("QR code linking to the application form"),
                    "the QR code is a figure with the content's description: " + figures);
            assertTrue(links.contains("Figure"), "a Link element holds the QR code's figure: " + links);
        }
    }

    /** The alt texts of every Figure element, and the roles of the children of every Link element. */
    private static void collect(java.util.List<Object> kids, java.util.List<String> figures, java.util.List<String> links) {
        for (Object kid : kids) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                if ("Figure".equals(e.getStructureType())) {
                    figures.add(e.getAlternateDescription());
                }
                if ("Link".equals(e.getStructureType())) {
                    e.getKids().stream().filter(org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure
                            .PDStructureElement.class::isInstance).forEach(k -> links.add(((org.apache.pdfbox.pdmodel
                            .documentinterchange.logicalstructure.PDStructureElement) k).getStructureType()));
                }
                collect(e.getKids(), figures, links);
            }
        }
    }
}
