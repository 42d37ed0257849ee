package dev.brochure.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** PDFBox lives only in the inspect stage, and inspect reads PDFs without knowing the other stages. */
class InspectBoundariesTest {

    private static final Path MAIN = Path.of("src", "main", "java", "dev", "brochure");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void pdfboxIsUsedOnlyInInspect() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            // org.apache.pdfbox.io is fontbox's input package (fontbox parses fonts from it), not PDFBox itself.
            if (!file.startsWith(MAIN.resolve("inspect")) && imports(file).stream()
                    .anyMatch(i -> i.startsWith("org.apache.pdfbox") && !i.startsWith("org.apache.pdfbox.io."))) {
                offenders.add(file.toString());
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void inspectDependsOnNoOtherStage() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            if (file.startsWith(MAIN.resolve("inspect"))) {
                for (String i : imports(file)) {
                    if (i.startsWith("dev.brochure.") && !i.startsWith("dev.brochure.inspect.") && !i.startsWith("dev.brochure.diag.")
                            && !i.startsWith("dev.brochure.vocab.")) {
                        offenders.add(file + " imports " + i);
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static List<String> imports(Path file) throws IOException {
        List<String> imports = new ArrayList<>();
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
            imports.add(m.group(1));
        }
        return imports;
    }
}
