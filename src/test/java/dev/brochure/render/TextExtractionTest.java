package dev.brochure.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.InlineMarkup;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.Typesetter;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Text extraction of the brochure's running text (fixture "typography"), set with ligatures and
 * hyphenation in narrow columns: PDFBox finds every word of the content, ligated words with
 * their letters and hyphenated words whole once the hyphen at the line end is removed.
 */
class TextExtractionTest {

    private static final Pattern LINE_END_HYPHEN = Pattern.compile("(\\p{L}+)-\\R(\\p{L}+)");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    @TempDir
    static Path temp;

    static String extracted;
    static Set<String> sourceWords = new HashSet<>();
    static List<PageItem.GlyphRun> runs = new ArrayList<>();

    @BeforeAll
    static void build() throws IOException {
        TestProject project = TestProject.copy("typography", temp);
        Path pdf = temp.resolve("out.pdf");
        Pipeline pipeline = new Pipeline(Map.of());
        pipeline.build(project.request(pdf));
        Typesetter.Result typeset = pipeline.typeset(project.request(pdf));
        for (Page page : typeset.document().pages()) {
            page.items().stream().filter(PageItem.GlyphRun.class::isInstance).map(PageItem.GlyphRun.class::cast)
                    .forEach(runs::add);
        }
        try (PDDocument doc = PdfFiles.open(pdf)) {
            extracted = PdfFiles.spaces(new PDFTextStripper().getText(doc));
        }
        try (Stream<Path> files = Files.list(project.file("sections"))) {
            for (Path file : files.toList()) {
                collect(new Yaml().load(Files.readString(file)));
            }
        }
    }

    /** Every word of every text in a section file, as the content stage normalises it. */
    private static void collect(Object node) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (!"layout".equals(k)) {
                    collect(v);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(TextExtractionTest::collect);
        } else if (node instanceof String s) {
            Matcher m = WORD.matcher(InlineMarkup.parse(s).plainText());
            while (m.find()) {
                sourceWords.add(m.group());
            }
        }
    }

    @Test
    void hyphenatedWordsAreWholeOnceTheLineEndHyphenIsRemoved() {
        Matcher m = LINE_END_HYPHEN.matcher(extracted);
        int joined = 0;
        while (m.find()) {
            String whole = m.group(1) + m.group(2);
            boolean hyphenation = sourceWords.contains(whole);
            boolean compound = sourceWords.contains(m.group(1)) && sourceWords.contains(m.group(2));
            assertTrue(hyphenation || compound, "line-end hyphen in '" + m.group() + "' is neither hyphenation nor a compound");
            joined += hyphenation ? 1 : 0;
        }
        assertTrue(joined >= 20, "hyphenated words found: " + joined);
    }

    /** The words of the extracted text, with hyphens that hyphenation added at line ends removed. */
    private static Set<String> foundWords() {
        String dehyphenated = LINE_END_HYPHEN.matcher(extracted).replaceAll(r -> {
            String whole = r.group(1) + r.group(2);
            return sourceWords.contains(whole) ? whole : r.group(1) + "-\n" + r.group(2);
        });
        Set<String> found = new HashSet<>();
        Matcher m = WORD.matcher(dehyphenated);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyWordOfTheContentIsFoundInThePdf() {
        Set<String> missing = new HashSet<>(sourceWords);
        missing.removeAll(foundWords());
        assertEquals(Set.of(), missing);
        assertTrue(sourceWords.size() > 800, "a real vocabulary: " + sourceWords.size());
    }

    @Test
    void ligatedWordsExtractWithTheirLetters() {
        int ligatures = 0;
        Set<String> ligated = new HashSet<>();
        for (PageItem.GlyphRun run : runs) {
            for (int i = 0; i < run.glyphs().length; i++) {
                String shown = run.textOf(i);
                if (shown.length() > 1 && shown.chars().allMatch(Character::isLetter)) {
                    ligatures++;
                    ligated.add(shown);
                }
            }
        }
        assertTrue(ligatures >= 20, "ligature glyphs drawn: " + ligatures);
        assertTrue(ligated.containsAll(Set.of("fi", "ffi")), "ligatures: " + ligated);
        Set<String> withLigatures = new HashSet<>();
        for (String word : sourceWords) {
            if (ligated.stream().anyMatch(word::contains)) {
                withLigatures.add(word);
            }
        }
        assertTrue(withLigatures.containsAll(Set.of("efficiency", "offer", "field", "difference")), withLigatures.toString());
        Set<String> found = foundWords();
        for (String word : withLigatures) {
            assertTrue(found.contains(word), word + " is found whole");
        }
    }
}
