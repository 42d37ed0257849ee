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
        return ContentLoader.load(project.workspace()).orThrow().theme();
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
    void aColourRoleFollowsTheColourItNamesUnlessTheThemeSetsIt() {
        Theme follows = load("""
                extends: default
                colors:
                  accent: "#C8102E"
                """);
        assertEquals(new Rgb(0xC8, 0x10, 0x2E), follows.colors().get("accent-on-brand"), "the role names 'accent'");
        assertEquals(follows.colors().get("paper"), follows.colors().get("on-brand-strong"));
        assertEquals(follows.colors().get("accent-on-brand"), follows.styles().get("stat-value").color(),
                "styles on the brand colour use the role");
        Theme own = load("""
                extends: default
                colors:
                  accent: "#C8102E"
                  accent-on-brand: "#F2C14E"
                  zebra: accent
                """);
        assertEquals(new Rgb(0xF2, 0xC1, 0x4E), own.colors().get("accent-on-brand"));
        assertEquals(new Rgb(0xF2, 0xC1, 0x4E), own.styles().get("cover-place").color());
        assertEquals(new Rgb(0xC8, 0x10, 0x2E), own.colors().get("zebra"), "a role may name any palette colour");
    }

    @Test
    void colourNamesThatGoRoundInACircleAreAnErrorAtTheirLine() {
        List<Diagnostic> all = errors("""
                extends: default
                colors:
                  brand: accent
                  accent: brand
                """);
        assertTrue(all.stream().anyMatch(d -> d.message().contains("names itself through") && d.where().line() >= 3),
                all.toString());
        List<Diagnostic> typo = errors("extends: default\ncolors:\n  rule: lien\n");
        assertTrue(typo.stream().anyMatch(d -> d.message().contains("'lien' is not a colour")
                && d.hint().contains("did you mean 'line'?") && d.where().line() == 3), typo.toString());
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

    /** Issue 16: a style's size may name a step of the type scale; resizing the step resizes it. */
    @Test
    void aSizeMayNameAStepOfTheTypeScaleAndTakesItsSizeAndLeading() {
        Theme theme = load("""
                extends: default
                styles:
                  body: {size: 9pt, leading: 13pt}
                  h2: {size: 17pt, leading: 21pt}
                  note: {font: sans, size: body}
                  tight: {font: sans, size: body, leading: 11pt}
                  aside: {parent: note, leading: 12pt}
                  sub: {parent: h1, size: h2}
                """);
        TextStyle note = theme.styles().get("note");
        assertEquals(9, note.size(), 1e-9);
        assertEquals(13, note.leading(), 1e-9, "the step's leading comes with its size");
        assertEquals(11, theme.styles().get("tight").leading(), 1e-9, "a leading of the same style wins");
        assertEquals(12, theme.styles().get("aside").leading(), 1e-9, "so does one of a style below it");
        assertEquals(9, theme.styles().get("aside").size(), 1e-9);
        TextStyle sub = theme.styles().get("sub");
        assertEquals(17, sub.size(), 1e-9);
        assertEquals(21, sub.leading(), 1e-9, "not h1's leading, set above the size");
        // The built-in layouts' styles follow the project's scale.
        assertEquals(9, theme.styles().get("highlight").size(), 1e-9);
        assertEquals(17, theme.styles().get("closing-subtitle").size(), 1e-9);
    }

    @Test
    void aSizeNamingNoStyleOrItselfIsAnError() {
        List<Diagnostic> misspelt = errors("""
                extends: default
                styles:
                  note: {font: sans, size: bdy}
                """);
        assertTrue(misspelt.stream().anyMatch(d -> d.message().contains("'bdy' is neither a length nor a style")
                && d.hint().contains("did you mean 'body'?") && d.where().line() == 3), misspelt.toString());
        List<Diagnostic> loop = errors("""
                extends: default
                styles:
                  a: {font: sans, size: b}
                  b: {font: sans, size: a}
                """);
        assertEquals(1, loop.size(), loop.toString());
        assertTrue(loop.getFirst().message().contains("takes its size from itself"), loop.toString());
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

    @Test
    void fontSizesAndLengthsMustBeSane() {
        List<Diagnostic> all = errors("""
                extends: default
                styles:
                  body: {size: -5pt}
                  lead: {size: 0.0001pt}
                  h1: {size: 0pt}
                  h2: {size: 2000pt}
                  h3: {leading: -1pt, space-before: -2mm, indent: -1cm, tracking: 5000}
                  h4: {space-after: 999999999999999999999999999999999999999999999999999999999999999999999pt}
                masters:
                  body: {gutter: -3mm}
                footer: {baseline: -1cm}
                """);
        List<String> messages = all.stream().map(d -> d.where().line() + ": " + d.message()).toList();
        for (String expected : List.of("3: style 'body' size must be from 1pt to 1000pt, not '-5pt'",
                "4: style 'lead' size must be from 1pt to 1000pt, not '0.0001pt'",
                "5: style 'h1' size must be from 1pt to 1000pt, not '0pt'",
                "6: style 'h2' size must be from 1pt to 1000pt, not '2000pt'",
                "7: style 'h3' leading must not be negative, not '-1pt'",
                "7: style 'h3' space-before must not be negative, not '-2mm'",
                "7: style 'h3' indent must not be negative, not '-1cm'",
                "7: style 'h3' tracking must be from -1000 to 1000, not '5000'",
                "10: gutter must not be negative, not '-3mm'",
                "11: footer baseline must not be negative, not '-1cm'")) {
            assertTrue(messages.contains(expected), expected + " in " + messages);
        }
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("8: style 'h4' space-after '99999")
                && m.endsWith("' is longer than 14400pt (200 in), the largest page a PDF can describe")), messages.toString());
    }

    /** Found by ContentLoaderFuzzTest: an empty style crashed the style resolver. */
    @Test
    void anEmptyStyleIsReportedAtItsLine() {
        List<Diagnostic> all = errors("extends: default\nstyles:\n  blank: {}\n  nothing:\n");
        assertTrue(all.stream().anyMatch(d -> d.message().equals("style 'blank' has no font") && d.where().line() == 3),
                all.toString());
        assertTrue(all.stream().anyMatch(d -> d.where().line() == 4), all.toString());
    }

    @Test
    void fineTypographyKeysAreReadAndInherited() {
        Theme theme = load("""
                extends: default
                styles:
                  table: {parent: body, features: [lnum, tnum, -liga], hyphen-penalty: 300, consecutive-hyphens: 1,
                          expansion: 1.5%, emergency-stretch: 2em, protrusion: false}
                  table-note: {parent: table, features: [onum], emergency-stretch: 5pt, size: 10pt}
                """);
        TextStyle body = theme.styles().get("body");
        assertEquals(0, body.measure(), "body text is as wide as its column");
        assertEquals(30 * 12.5, theme.styles().get("lead").measure(), 1e-9, "the default lead: measure: 30em at 12.5pt");
        assertEquals(30 * 12.5, theme.styles().get("closing-lead").measure(), 1e-9, "inherited from the lead");
        assertEquals(0.02, body.expansion(), 1e-12, "the default body: expansion: 2%");
        assertTrue(body.protrusion());
        assertEquals(1, body.emergencyStretch(), 1e-12);
        assertEquals(50, body.hyphenPenalty(), 1e-12);
        assertEquals(2, body.consecutiveHyphens());
        TextStyle table = theme.styles().get("table");
        assertEquals(List.of("lnum", "tnum"), table.features().substitutions());
        assertTrue(table.features().kern() && !table.features().liga(), "-liga turns standard ligatures off");
        assertEquals(300, table.hyphenPenalty(), 1e-12);
        assertEquals(1, table.consecutiveHyphens());
        assertEquals(0.015, table.expansion(), 1e-12);
        assertEquals(2, table.emergencyStretch(), 1e-12);
        assertTrue(!table.protrusion());
        TextStyle note = theme.styles().get("table-note");
        assertEquals(List.of("onum"), note.features().substitutions(), "a child's features replace its parent's");
        assertTrue(note.features().liga(), "including the parent's -liga");
        assertEquals(0.5, note.emergencyStretch(), 1e-12, "a length is taken in the style's ems");
        assertEquals(300, note.hyphenPenalty(), 1e-12, "other keys are inherited");
    }

    @Test
    void fineTypographyValuesOutOfRangeAreErrors() {
        List<Diagnostic> errors = errors("""
                extends: default
                styles:
                  a: {parent: body, expansion: 10%}
                  b: {parent: body, emergency-stretch: wide}
                  c: {parent: body, consecutive-hyphens: 0}
                  d: {parent: body, features: lnum}
                  e: {parent: body, measure: 2em}
                  f: {parent: body, measure: wide}
                """);
        String all = errors.toString();
        assertEquals(6, errors.size(), all);
        assertTrue(all.contains("style 'e' measure must be from 5em to 200em (or a length in that range), not '2em'"), all);
        assertTrue(all.contains("style 'f' measure must be from 5em to 200em"), all);
        assertTrue(all.contains("style 'a' expansion must be a percentage from 0% to 5%"), all);
        assertTrue(all.contains("style 'b' emergency-stretch must be from 0em to 10em"), all);
        assertTrue(all.contains("consecutive-hyphens must be a whole number from 1 to 10"), all);
        assertTrue(all.contains("features must be a list"), all);
    }
}
