package dev.brochure.content;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.vocab.Rgb;
import dev.brochure.vocab.Align;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Theme;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.testing.TestProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeLoaderTest {

    @TempDir
    Path temp;

    private Theme load(String themeYaml) {
        TestProject project = TestProject.copy("minimal", temp).write("themes/mine.yaml", themeYaml)
                .replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: mine");
        return ContentLoader.load(project.workspace()).theme();
    }

    private List<Diagnostic> errors(String themeYaml) {
        return assertThrows(BrochureException.class, () -> load(themeYaml)).diagnostics();
    }

    @Test
    void childOverridesParentPropertyByProperty() {
        Theme theme = load("""
                extends: default
                colors:
                  brand: "#112233"
                styles:
                  body: {size: 12pt}
                """);
        TextStyle body = theme.styles().get("body");
        assertEquals(12, body.size(), 1e-9);
        assertEquals(Align.JUSTIFY, body.align(), "other properties come from the parent theme");
        assertEquals(new Rgb(0x11, 0x22, 0x33), theme.colors().get("brand"));
        assertEquals(theme.colors().get("brand"), theme.styles().get("h1").color(), "styles see the new colour");
    }

    @Test
    void styleParentsAreResolved() {
        Theme theme = load("""
                extends: default
                styles:
                  note: {parent: caption, size: 7pt}
                """);
        TextStyle note = theme.styles().get("note");
        assertEquals(7, note.size(), 1e-9);
        assertTrue(note.italic(), "italic comes from caption");
        assertEquals("sans", note.family());
    }

    @Test
    void unknownColourAndFamilyAreReportedWithSuggestions() {
        List<Diagnostic> all = errors("""
                extends: default
                styles:
                  note: {font: sanz, color: brnad}
                """);
        assertTrue(all.stream().anyMatch(d -> d.message().contains("unknown font family 'sanz'")
                && "did you mean 'sans'?".equals(d.hint())), all.toString());
        assertTrue(all.stream().anyMatch(d -> d.message().contains("'brnad' is not a colour")
                && d.hint().contains("did you mean 'brand'?") && d.where().line() == 3), all.toString());
    }

    @Test
    void unknownThemeAndCyclesAreReported() {
        assertTrue(errors("extends: defalt\n").getFirst().hint().contains("did you mean 'default'?"));
        assertTrue(errors("extends: mine\n").getFirst().message().contains("extends itself"));
    }

    @Test
    void lengthsTakeUnits() {
        Theme theme = load("""
                extends: default
                margins: 1in
                styles:
                  body: {size: 10pt, leading: 5mm}
                """);
        assertEquals(72, theme.masters().get("body").margins().top(), 1e-9);
        assertEquals(5 * 72 / 25.4, theme.styles().get("body").leading(), 1e-9);
    }

    /** Found by ContentLoaderFuzzTest: an empty style crashed the style resolver. */
    @Test
    void anEmptyStyleIsReportedAtItsLine() {
        List<Diagnostic> all = errors("extends: default\nstyles:\n  blank: {}\n  nothing:\n");
        assertTrue(all.stream().anyMatch(d -> d.message().equals("style 'blank' has no font") && d.where().line() == 3),
                all.toString());
        assertTrue(all.stream().anyMatch(d -> d.where().line() == 4), all.toString());
    }
}
