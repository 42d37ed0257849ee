package dev.brochure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.TestProject;
import dev.brochure.vocab.Rgb;
import dev.brochure.vocab.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The colour roles of every theme the project ships keep text readable where the built-in
 * layouts put it: WCAG 2 contrast of at least 4.5:1 for text, which includes kickers, subheads and
 * bullets in the accent on the brand colour and bullets in {@code accent-text} on cards ({@code
 * verify}'s contrast rule reads every glyph as text). Issue 14: a red accent on a navy brand.
 */
class ThemeContrastTest {

    /** A colour role, the colour it stands on, and the contrast it needs. */
    record Pair(String role, String ground, double minimum) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair("ink", "paper", 4.5),
            new Pair("muted", "paper", 4.5),
            new Pair("ink", "card", 4.5),
            new Pair("muted", "card", 4.5),
            new Pair("ink", "zebra", 4.5),
            new Pair("brand", "table-band", 4.5),
            new Pair("brand", "paper", 4.5),
            new Pair("accent-text", "paper", 4.5),
            new Pair("accent-text", "card", 4.5),
            new Pair("on-brand", "brand", 4.5),
            new Pair("on-brand-strong", "brand", 4.5),
            new Pair("accent-on-brand", "brand", 4.5),
            new Pair("on-accent", "accent", 4.5));

    @TempDir
    Path temp;

    @Test
    void theDefaultThemeKeepsItsContrast() {
        TestProject project = TestProject.copy("minimal", temp);
        assertEquals("default", theme(project.request(temp.resolve("x.pdf"))).name());
        assertContrast(theme(project.request(temp.resolve("x.pdf"))));
    }

    @Test
    void theOptmlThemeKeepsItsContrast() {
        assertContrast(theme(BuildRequest.of(Path.of("brochure-content"), temp.resolve("x.pdf"))));
    }

    @Test
    void theMscProgrammeThemeKeepsItsContrast() {
        assertContrast(theme(dev.brochure.testing.BuiltBrochure.MSC.request(temp.resolve("x.pdf"))));
    }

    @Test
    void aRedAccentOnANavyBrandIsCaught() {
        // The check itself: the colours of issue 14 fail it.
        assertTrue(contrast(new Rgb(0xC8, 0x10, 0x2E), new Rgb(0x0B, 0x1F, 0x4B)) < 3);
        assertEquals(21, contrast(new Rgb(0, 0, 0), new Rgb(255, 255, 255)), 0.01);
    }

    private static Theme theme(BuildRequest request) {
        return new Pipeline(Map.of()).content(request).theme();
    }

    private static void assertContrast(Theme theme) {
        List<String> poor = new ArrayList<>();
        for (Pair pair : PAIRS) {
            Rgb role = theme.colors().get(pair.role());
            Rgb ground = theme.colors().get(pair.ground());
            assertTrue(role != null && ground != null, theme.name() + " defines " + pair.role() + " and " + pair.ground());
            double c = contrast(role, ground);
            if (c < pair.minimum()) {
                poor.add(String.format(Locale.ROOT, "%s on %s: %.2f:1 (needs %.1f:1)", pair.role(), pair.ground(), c,
                        pair.minimum()));
            }
        }
        assertEquals(List.of(), poor, "theme " + theme.name());
    }

    /** WCAG 2 contrast ratio of two colours. */
    static double contrast(Rgb a, Rgb b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Rgb c) {
        return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
    }

    private static double channel(int value) {
        double v = value / 255.0;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
