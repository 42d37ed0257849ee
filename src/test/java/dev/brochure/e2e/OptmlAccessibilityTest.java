package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentText;
import dev.brochure.diag.BrochureException;
import dev.brochure.inspect.Accessibility;
import dev.brochure.inspect.ReadingOrder;
import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.OutputProfile;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.VeraPdf;
import dev.brochure.vocab.Paper;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OPTML brochure is accessible in every edition (issue 15): veraPDF finds no PDF/UA-1 rule
 * broken in the screen, print and email editions on A4 and on Letter, and an archival build is
 * PDF/A-2a as well; its text, read in the order of its structure, is the content's text in the
 * content's order (a sidebar after its letter, the cards in order).
 */
class OptmlAccessibilityTest {

    @TempDir
    static Path temp;

    private static List<ReadingOrder.Block> order;

    @BeforeAll
    static void read() throws Exception {
        try (PDDocument doc = PdfFiles.open(BuiltBrochure.OPTML.pdf())) {
            order = Accessibility.readingOrder(doc);
        }
    }

    static Stream<Arguments> editions() {
        return Stream.of(Arguments.of(OutputProfile.SCREEN, Paper.A4), Arguments.of(OutputProfile.PRINT, Paper.A4),
                Arguments.of(OutputProfile.EMAIL, Paper.A4), Arguments.of(OutputProfile.SCREEN, Paper.LETTER),
                Arguments.of(OutputProfile.PRINT, Paper.LETTER), Arguments.of(OutputProfile.EMAIL, Paper.LETTER));
    }

    private static Path build(OutputProfile profile, Paper paper, boolean archive) {
        Path out = temp.resolve(profile.word() + "-" + paper + (archive ? "-archive" : "") + ".pdf");
        new Pipeline(Map.of()).build(BuildRequest.of(BuiltBrochure.OPTML.folder(), out).withPaper(paper)
                .withProfile(profile, false).withArchive(archive));
        return out;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("editions")
    void everyEditionIsPdfUa1(OutputProfile profile, Paper paper) {
        VeraPdf.Verdict verdict = VeraPdf.pdfUa1(build(profile, paper, false));
        assertEquals(List.of(), verdict.failures(), verdict.toString());
        assertTrue(verdict.compliant());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("archives")
    void anArchivalBuildIsPdfA2aAndPdfUa1(OutputProfile profile) {
        Path pdf = build(profile, Paper.A4, true);
        VeraPdf.Verdict pdfa = VeraPdf.pdfA2a(pdf);
        assertEquals(List.of(), pdfa.failures(), pdfa.toString());
        VeraPdf.Verdict ua = VeraPdf.pdfUa1(pdf);
        assertEquals(List.of(), ua.failures(), ua.toString());
    }

    static Stream<OutputProfile> archives() {
        return Stream.of(OutputProfile.SCREEN, OutputProfile.EMAIL);
    }

    @Test
    void anArchivalPrintEditionIsRefusedAndNothingWritten() {
        Path out = temp.resolve("print-archive.pdf");
        BrochureException e = assertThrows(BrochureException.class, () -> new Pipeline(Map.of()).build(
                BuildRequest.of(BuiltBrochure.OPTML.folder(), out).withProfile(OutputProfile.PRINT, false).withArchive(true)));
        assertTrue(e.diagnostics().toString().contains("PDF/X-4"), e.diagnostics().toString());
        assertFalse(java.nio.file.Files.exists(out));
    }

    /** The first block of {@code role} whose text starts with {@code start} (any space for any space). */
    private static int index(String role, String start) {
        String wanted = start.replace('\u00A0', ' ');
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).role().equals(role) && order.get(i).text().replace('\u00A0', ' ').startsWith(wanted)) {
                return i;
            }
        }
        throw new AssertionError("no " + role + " starting with '" + start + "' in " + order);
    }

    @Test
    void aSidebarIsReadAfterTheLetterItAccompanies() {
        int title = index("H1", "Dr. Sijia Liu");
        int letter = index("P", "Hello, and welcome!");
        int signature = index("P", "Founder, OPTML Lab");
        int portrait = index("Figure", "Dr. Sijia Liu");
        int pullQuote = index("P", "My students’ success is my greatest achievement.");
        assertTrue(title < letter && letter < signature && signature < portrait && portrait < pullQuote,
                "title, letter, signature, then the sidebar: " + List.of(title, letter, signature, portrait, pullQuote));
    }

    @Test
    void cardsAreReadInOrderEachPersonWithTheirWords() {
        int yuguang = index("Figure", "Yuguang Yao");
        int yuguangWords = index("P", "Great OPTML group");
        int jiancheng = index("Figure", "Jiancheng Liu");
        int yimeng = index("Figure", "Yimeng Zhang");
        assertTrue(yuguang < yuguangWords && yuguangWords < jiancheng && jiancheng < yimeng,
                List.of(yuguang, yuguangWords, jiancheng, yimeng).toString());
    }

    @Test
    void thePhotosAreDescribedAndTheFurnitureIsNotRead() {
        assertEquals("Figure", order.getFirst().role(), "the cover photo comes first");
        assertTrue(order.getFirst().text().startsWith("The MSU campus in autumn"), order.getFirst().text());
        assertTrue(order.stream().filter(b -> b.role().equals("Figure")).noneMatch(b -> b.text().isBlank()),
                "every figure has its description");
        assertTrue(order.stream().noneMatch(b -> b.text().matches(".*·\\s*\\d+")),
                "no running footer (section · page) among the content");
        assertEquals("WE MAKE THE GLOBAL OPTIMAL", order.getLast().text());
    }

    @Test
    void theTextReadInStructureOrderHoldsEveryTextUnitOfTheContent() {
        StringBuilder all = new StringBuilder();
        order.forEach(b -> all.append(b.text()).append(' '));
        String read = comparable(all.toString());
        List<String> missing = new ArrayList<>();
        List<ContentText.Unit> units = ContentText.units(BuiltBrochure.OPTML.content());
        for (ContentText.Unit unit : units) {
            if (!read.contains(comparable(unit.text()))) {
                missing.add(unit.where() + ": " + unit.text());
            }
        }
        assertTrue(units.size() > 100, "the brochure's text: " + units.size());
        assertEquals(List.of(), missing);
    }

    /** Text without what typesetting changes: whitespace, hyphens and dashes, quotes, case. */
    private static String comparable(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\u00A0\\u2010-\\u2015\\-]", "").replaceAll("[’‘]", "'").replaceAll("[“”]", "\"");
    }
}
