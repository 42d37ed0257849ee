package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.BrochureException;
import dev.brochure.inspect.Accessibility;
import dev.brochure.pipeline.BuildResult;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import dev.brochure.testing.VeraPdf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brochure with a paragraph of Chinese, one of Arabic, one of Hebrew and one mixing scripts,
 * its theme naming fallback fonts the project supplies: built end to end, the PDF read back with
 * PDFBox gives every paragraph's text in logical order, and no glyph stands outside the column.
 */
class InternationalBrochureTest {

    static final Path FONTS = TestProject.REPO.resolve("src/test/resources/intl-fonts");
    static final String CHINESE = "我们的研究小组致力于理解城市中的水资源管理。自二〇一九年成立以来，我们与十二所大学和三个地方政府合作，"
            + "开展了关于雨水收集、河流修复和公共教育的项目。每年夏天，我们都会举办一次开放日，邀请市民参观实验室，了解我们的工作。"
            + "「欢迎大家来访！」我们相信，科学应当服务于社会。";
    static final String ARABIC = "يعمل فريقنا البحثي على فهم إدارة المياه في المدن. منذ تأسيسه، تعاون الفريق مع اثنتي عشرة"
            + " جامعة وثلاث حكومات محلية في مشاريع لجمع مياه الأمطار وإصلاح الأنهار والتعليم العام. وفي كل صيف، ننظم يومًا"
            + " مفتوحًا ندعو فيه السكان لزيارة المختبر والتعرف على عملنا. نؤمن بأن العلم يجب أن يخدم المجتمع.";
    static final String HEBREW = "קבוצת המחקר שלנו עוסקת בניהול מים בערים. אנחנו עובדים עם 12 אוניברסיטאות.";
    static final String MIXED = "The student 王小明 visited in 2024, and زار المختبر in May.";

    static final double A4_WIDTH = 595.2756;

    @TempDir
    static Path temp;

    static Path pdf;
    static Path content;
    static BuildResult result;

    static TestProject project(Path temp) throws IOException {
        TestProject project = TestProject.copy("minimal", temp);
        for (String font : List.of("DroidSansFallback-subset.ttf", "NotoSansArabic-subset.ttf",
                "NotoSansHebrew-subset.ttf")) {
            Files.createDirectories(project.file("fonts"));
            Files.copy(FONTS.resolve(font), project.file("fonts/" + font));
        }
        project.write("themes/intl.yaml", """
                extends: default
                fonts:
                  cjk: {regular: fonts/DroidSansFallback-subset.ttf}
                  arabic: {regular: fonts/NotoSansArabic-subset.ttf}
                  hebrew: {regular: fonts/NotoSansHebrew-subset.ttf}
                  serif:
                    regular: builtin:fonts/Vollkorn-Regular.ttf
                    bold: builtin:fonts/Vollkorn-Bold.ttf
                    italic: builtin:fonts/Vollkorn-Italic.ttf
                    bold-italic: builtin:fonts/Vollkorn-BoldItalic.ttf
                    fallback: [cjk]
                fallback: [arabic, hebrew]
                # The default gold kicker and cover line fall short of the contrast rule verify holds
                # every PDF to: darker on paper, lighter on the brand colour.
                colors: {accent: "#8B6A18", accent-on-brand: "#E0C068"}
                """);
        project.replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: intl");
        String story = project.read("sections/story.yaml");
        project.write("sections/story.yaml", story.substring(0, story.indexOf("paragraphs:")) + "paragraphs:\n  - "
                + CHINESE + "\n  - " + ARABIC + "\n  - " + HEBREW + "\n  - " + MIXED + "\n");
        return project;
    }

    @BeforeAll
    static void build() throws IOException {
        pdf = temp.resolve("out/brochure.pdf");
        TestProject project = project(temp);
        content = project.content();
        // The command line finds the project's shared fonts beside the content folder.
        Files.createSymbolicLink(temp.resolve("fonts"), TestProject.REPO.resolve("fonts"));
        result = new Pipeline(Map.of()).build(project.request(pdf));
    }

    @Test
    void itBuildsWithoutWarnings() {
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    }

    @Test
    void everyParagraphExtractsInLogicalOrder() throws IOException {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            String text = PdfFiles.pageText(doc, 2);
            // Chinese lines break between characters: the line ends add spaces PDFBox puts between lines.
            assertTrue(text.replace(" ", "").contains(CHINESE), text);
            assertTrue(text.contains(ARABIC), text);
            assertTrue(text.contains(HEBREW), text);
            assertTrue(text.contains(MIXED), text);
        }
    }

    @Test
    void theTaggedPdfPassesPdfUa1AndItsStructureReadsEveryParagraphInLogicalOrder() throws IOException {
        VeraPdf.Verdict verdict = VeraPdf.pdfUa1(pdf);
        assertTrue(verdict.compliant(), verdict.toString());
        try (PDDocument doc = PdfFiles.open(pdf)) {
            Accessibility.Result access = Accessibility.scan(doc);
            assertTrue(access.tagged(), "every glyph is content or an artifact: " + access.untagged());
            List<String> paragraphs = access.readingOrder().stream().filter(b -> b.role().equals("P"))
                    .map(b -> b.text().replaceAll("\\s+", " ").strip()).toList();
            List<String> expected = List.of(CHINESE, ARABIC, HEBREW, MIXED);
            int from = -1;
            for (String want : expected) {
                String squeezed = want.replace(" ", "");
                int at = -1;
                for (int i = from + 1; i < paragraphs.size() && at < 0; i++) {
                    // Lines of Chinese break between characters: compare without spaces.
                    at = paragraphs.get(i).replace(" ", "").equals(squeezed) ? i : -1;
                }
                assertTrue(at > from, "'" + want + "' as one paragraph, after the one before it, in " + paragraphs);
                from = at;
            }
        }
    }

    @Test
    void verifyFindsEveryTextOfTheContentInThePdf() {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = dev.brochure.cli.Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err),
                new Pipeline(Map.of()), "verify", "--content", content.toString(), "--min-ppi", "1", pdf.toString());
        assertEquals(0, code, out + "\n" + err);
    }

    @Test
    void noGlyphStandsOutsideTheColumn() throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        try (PDDocument doc = PdfFiles.open(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    glyphs.add(text);
                }
            };
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            stripper.getText(doc);
        }
        double left = 18 / 25.4 * 72;
        double right = A4_WIDTH - left;
        int international = 0;
        for (TextPosition g : glyphs) {
            international += g.getUnicode().codePoints().anyMatch(cp -> cp >= 0x0590) ? 1 : 0;
            assertTrue(g.getXDirAdj() >= left - 1 && g.getXDirAdj() + g.getWidthDirAdj() <= right + 1,
                    "'" + g.getUnicode() + "' at " + g.getXDirAdj() + " in the column " + left + ".." + right);
        }
        assertTrue(international > 300, "the Chinese, Arabic and Hebrew glyphs were checked: " + international);
    }

    @Test
    void theFallbackFontsAreEmbedded() throws IOException {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            List<String> names = PdfFiles.fonts(doc).stream().map(f -> f.getName()).toList();
            for (String font : List.of("DroidSansFallback", "NotoSansArabic", "NotoSansHebrew")) {
                assertTrue(names.stream().anyMatch(n -> n.contains(font)), font + " in " + names);
            }
        }
    }

    @Test
    void aFallbackNamingNoFamilyIsAnErrorAtItsValue(@TempDir Path other) throws IOException {
        TestProject project = project(other);
        project.replace("themes/intl.yaml", "fallback: [arabic, hebrew]", "fallback: [arabic, hebrw]");
        BrochureException e = org.junit.jupiter.api.Assertions.assertThrows(BrochureException.class,
                () -> new Pipeline(Map.of()).build(project.request(other.resolve("out.pdf"))));
        var error = e.diagnostics().stream().filter(d -> d.isError()).findFirst().orElseThrow();
        assertEquals("fallback names unknown font family 'hebrw'", error.message());
        assertEquals(12, error.where().line());
        assertEquals(20, error.where().column(), "at the name");
        assertTrue(error.hint().contains("did you mean 'hebrew'?"), error.hint());
    }
}
