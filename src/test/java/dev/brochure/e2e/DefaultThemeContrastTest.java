package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.inspect.Accessibility;
import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default theme passes verify's contrast rule with every built-in layout: the OPTML brochure
 * and the MSc example, which between them use all of them, built with {@code theme: default}
 * instead of their own themes. (A new user's brochure on the default theme failed it: kickers,
 * subheads and bullets in the accent on the brand colour at 4.46:1, and bullets in the accent on
 * cards and paper at 2.1:1 to 2.4:1.)
 */
class DefaultThemeContrastTest {

    @TempDir
    Path temp;

    @Test
    void everyBuiltInLayoutOnTheDefaultThemePassesTheContrastRule() throws IOException {
        Path optml = temp.resolve("optml");
        TestProject.copyTree(TestProject.REPO.resolve("brochure-content"), optml.resolve("brochure-content"));
        TestProject.copyTree(TestProject.REPO.resolve("images"), optml.resolve("images"));
        Path msc = temp.resolve("msc");
        TestProject.copyTree(TestProject.REPO.resolve("examples/msc-programme"), msc);
        Set<String> layouts = new TreeSet<>();
        for (Path content : List.of(optml.resolve("brochure-content"), msc)) {
            Path yaml = content.resolve("brochure.yaml");
            String text = Files.readString(yaml);
            assertTrue(text.matches("(?s).*\\ntheme: [a-z-]+\\n.*"), "the example names its own theme");
            Files.writeString(yaml, text.replaceFirst("\\ntheme: [a-z-]+\\n", "\ntheme: default\n"));
            layouts.addAll(layoutsOf(content));
            Path pdf = temp.resolve(content.getParent().getFileName() + ".pdf");
            new Pipeline(Map.of()).build(BuildRequest.of(content, pdf));
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                List<Accessibility.LowContrast> low = Accessibility.scan(doc).lowContrast();
                assertEquals(List.of(), low, content + " on the default theme");
            }
        }
        Set<String> builtIn = new TreeSet<>();
        try (Stream<Path> files = Files.list(TestProject.REPO.resolve("src/main/resources/layouts"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ftlx"))
                    .forEach(n -> builtIn.add(n.substring(0, n.length() - ".ftlx".length())));
        }
        assertEquals(builtIn, layouts, "the two brochures use every built-in layout");
    }

    private static Set<String> layoutsOf(Path content) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(content.resolve("sections"))) {
            for (Path f : files.toList()) {
                Files.readString(f).lines().filter(l -> l.startsWith("layout: "))
                        .forEach(l -> out.add(l.substring("layout: ".length()).strip()));
            }
        }
        return out;
    }
}
