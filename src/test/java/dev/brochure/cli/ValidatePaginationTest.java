package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code brochure validate} on pagination (issue 14): a section that leaves its last page mostly
 * empty is a warning naming it and its YAML line; a row too tall for any page is an error whose
 * hint says how to let it flow.
 */
class ValidatePaginationTest {

    @TempDir
    Path temp;

    private TestProject project(String template, String paragraphs) {
        TestProject project = TestProject.copy("minimal", temp)
                .write("brochure.yaml", "title: T\nsections:\n  - sections/one.yaml\n  - sections/two.yaml\n")
                .write("sections/one.yaml", "layout: text\ntitle: One\nparagraphs:\n" + paragraphs)
                .write("sections/two.yaml", "layout: text\ntitle: Two\nparagraphs:\n  - Just a line.\n")
                .write("layouts/text.schema.yaml", "fields:\n  title: text\n  paragraphs: {type: list, of: text}\n")
                .write("layouts/text.ftlx", template);
        TestProject.copyTree(TestProject.REPO.resolve("fonts"), temp.resolve("fonts"));
        return project;
    }

    @Test
    void aSectionLeavingItsPageMostlyEmptyIsAWarningThatSuggestsContinuing() {
        TestProject project = project("<section><h level=\"1\">${section.title}</h>"
                + "<#list section.paragraphs as p><p>${p}</p></#list></section>\n", "  - A short section.\n");
        CliRun run = CliRun.of("validate", "--content", project.content().toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.err().contains("sections/one.yaml:4:") && run.err().contains("warning: section 'one' ends on page 1")
                && run.err().contains("start: continue"), run.toString());

        project.write("sections/two.yaml", "layout: text\ntitle: Two\nstart: continue\nparagraphs:\n  - Just a line.\n");
        CliRun continued = CliRun.of("validate", "--content", project.content().toString());
        assertTrue(!continued.err().contains("section 'one'"), continued.toString());
        assertTrue(continued.out().contains("1 pages"), continued.toString());
    }

    @Test
    void aRowTallerThanAPageIsAnErrorWhoseHintLetsItSplit() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            many.append("  - Paragraph ").append(i).append(" of a long text with subheadings that must flow on.\n");
        }
        TestProject project = project("<section><row><cell weight=\"5\"/><cell weight=\"7\">"
                + "<#list section.paragraphs as p><p>${p}</p></#list></cell></row></section>\n", many.toString());
        CliRun run = CliRun.of("validate", "--content", project.content().toString());
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("a <row> of section 'one' is") && run.err().contains("split=\"true\""),
                run.toString());
        project.write("layouts/text.ftlx", "<section><row split=\"true\"><cell weight=\"5\"/><cell weight=\"7\">"
                + "<#list section.paragraphs as p><p>${p}</p></#list></cell></row></section>\n");
        CliRun split = CliRun.of("validate", "--content", project.content().toString());
        assertEquals(0, split.code(), split.toString());
    }
}
