package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.TestProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layout authors' errors through the command line: at the template's line and column, once for a
 * mistake inside a loop, with a source excerpt and caret on a terminal and as plain
 * {@code file:line:col} lines otherwise.
 */
class ErrorExcerptsTest {

    @TempDir
    Path temp;

    private static final String LOOP = """
            <section>
            <#list 1..3 as i>
              <p style="nope">${section.title}</p>
            </#list>
            </section>
            """;

    private String[] run(boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), new Pipeline(Map.of(), temp), terminal, args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void onATerminalAMistakeInALoopIsShownOnceWithItsTemplateLineAndACaret() {
        TestProject.copy("minimal", temp).write("layouts/cover.ftlx", LOOP);
        String[] r = run(true, "validate", "--content", temp.resolve("brochure-content").toString());
        assertEquals(Integer.toString(ExitCode.USER_ERROR), r[0], r[2]);
        List<String> lines = r[2].lines().toList();
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("brochure-content/layouts/cover.ftlx:3:3: error: "
                + "<p> (setting brochure-content/sections/cover.yaml): style 'nope' is not defined")).findFirst()
                .orElseThrow(() -> new AssertionError(r[2])));
        assertEquals(List.of("  |", "3 |   <p style=\"nope\">${section.title}</p>", "  |   ^"),
                lines.subList(at + 1, at + 4), r[2]);
        assertEquals(1, lines.stream().filter(l -> l.contains(": error: ")).count(), r[2]);
    }

    @Test
    void withoutATerminalEachProblemIsOnePlainLine() {
        TestProject.copy("minimal", temp).write("layouts/cover.ftlx", LOOP);
        String[] r = run(false, "validate", "--content", temp.resolve("brochure-content").toString());
        assertEquals(Integer.toString(ExitCode.USER_ERROR), r[0], r[2]);
        assertTrue(r[2].contains("brochure-content/layouts/cover.ftlx:3:3: error: <p> (setting "), r[2]);
        assertFalse(r[2].contains(" | "), r[2]);
        assertEquals(1, r[2].lines().filter(l -> l.contains(": error: ")).count(), r[2]);
    }

    @Test
    void jsonCarriesTheTemplatePlaceAndNoExcerpt() {
        TestProject.copy("minimal", temp).write("layouts/cover.ftlx", LOOP);
        String[] r = run(true, "validate", "--format", "json", "--content", temp.resolve("brochure-content").toString());
        assertTrue(r[1].contains("\"file\":\"brochure-content/layouts/cover.ftlx\",\"line\":3,\"column\":3")
                || r[1].replaceAll("\\s", "").contains("\"file\":\"brochure-content/layouts/cover.ftlx\",\"line\":3,\"column\":3"),
                r[1]);
        assertFalse(r[1].contains(" | ") || r[2].contains(" | "), r[1] + r[2]);
    }

    @Test
    void aSyntaxErrorOnATerminalShowsFreemarkersExpectedListAndACaretAtTheColumn() {
        TestProject.copy("minimal", temp).write("layouts/cover.ftlx", "<section>\n<p>${section.title +}</p>\n</section>\n");
        String[] r = run(true, "validate", "--content", temp.resolve("brochure-content").toString());
        List<String> lines = r[2].lines().toList();
        String head = lines.stream().filter(l -> l.contains("layout template syntax error")).findFirst()
                .orElseThrow(() -> new AssertionError(r[2]));
        assertTrue(head.startsWith("brochure-content/layouts/cover.ftlx:2:21: error: ")
                && head.contains("but was expecting one of these patterns: <STRING_LITERAL>,"), head);
        int at = lines.indexOf(head);
        assertEquals(List.of("  |", "2 | <p>${section.title +}</p>", "  |                     ^"),
                lines.subList(at + 1, at + 4), r[2]);
    }
}
