package dev.brochure.layout;

import dev.brochure.world.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentLoader;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Inline;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.testing.TestProject;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutEngineTest {

    @TempDir
    Path temp;

    /** The fields of the built-in article layout, for tests that override its template. */
    private static final String ARTICLE_SCHEMA = "fields:\n  title: text\n  kicker: plain\n  intro: text\n"
            + "  highlights: {type: list, of: text}\n  photo: image\n  caption: text\n"
            + "  paragraphs: {type: list, of: text}\n";

    private LayoutDocument layout(TestProject project) {
        Workspace files = project.workspace();
        BrochureContent content = ContentLoader.load(files).orThrow();
        return new LayoutEngine(files).layout(content).orThrow();
    }

    private List<Diagnostic> errors(TestProject project) {
        return assertThrows(BrochureException.class, () -> layout(project)).diagnostics();
    }

    private static String text(List<Inline> inlines) {
        return inlines.stream().filter(Inline.Run.class::isInstance).map(i -> ((Inline.Run) i).text())
                .collect(Collectors.joining());
    }

    /** The blocks in reading order, with panels, rows and columns opened up. */
    private static List<Block> flat(List<Block> blocks) {
        List<Block> out = new java.util.ArrayList<>();
        for (Block b : blocks) {
            out.add(b);
            switch (b) {
                case Block.Panel p -> out.addAll(flat(p.blocks()));
                case Block.Columns c -> out.addAll(flat(c.blocks()));
                case Block.Row r -> r.cells().forEach(cell -> out.addAll(flat(cell.blocks())));
                default -> { }
            }
        }
        return out;
    }

    @Test
    void articleBecomesBlocksInOrderWithTheirYamlOrigin() {
        LayoutSection story = layout(TestProject.copy("minimal", temp)).sections().get(1);
        List<Block> blocks = flat(story.blocks()).stream()
                .filter(b -> !(b instanceof Block.Panel || b instanceof Block.Columns || b instanceof Block.Row
                        || b instanceof Block.Spacer))
                .toList();
        assertEquals("Chapter one", text(assertInstanceOf(Block.Paragraph.class, blocks.get(0)).text()));
        Block.Heading title = assertInstanceOf(Block.Heading.class, blocks.get(1));
        assertEquals("The Story So Far", text(title.text()));
        assertEquals(3, title.where().line(), "a block knows the YAML line of its text");
        Block.Paragraph intro = assertInstanceOf(Block.Paragraph.class, blocks.get(2));
        assertTrue(intro.text().stream().anyMatch(i -> i instanceof Inline.Run r && r.bold() && r.text().equals("bold words")));
        assertEquals("lead", intro.style().name());
        assertEquals(2, assertInstanceOf(Block.ListBlock.class, blocks.get(3)).items().size());
        Block.Image photo = assertInstanceOf(Block.Image.class, blocks.get(4));
        assertEquals("A landscape, cropped to fill its frame.", text(photo.caption()));
        assertEquals("body", story.master().name());
        assertTrue(story.newPage());
    }

    @Test
    void contentCanNeverInjectMarkup() {
        TestProject project = TestProject.copy("minimal", temp).replace("sections/story.yaml",
                "A second paragraph closes the story.", "\"<b>not bold</b> ${section.title} <#if true>x</#if> &amp;\"");
        LayoutSection story = layout(project).sections().get(1);
        Block.Paragraph last = (Block.Paragraph) story.blocks().getLast();
        assertEquals("<b>not bold</b> ${section.title} <#if true>x</#if> &amp;", text(last.text()));
        assertTrue(last.text().stream().noneMatch(i -> i instanceof Inline.Run r && r.bold()));
    }

    @Test
    void projectLayoutsOverrideBuiltInOnes() {
        TestProject project = TestProject.copy("minimal", temp)
                .write("layouts/article.schema.yaml", "fields:\n  title: {type: text, required: true}\n  kicker: plain\n"
                        + "  intro: text\n  highlights: {type: list, of: text}\n  photo: image\n  caption: text\n"
                        + "  paragraphs: {type: list, of: text}\n")
                .write("layouts/article.ftlx", "<section><p style=\"caption\">Custom: ${section.title}</p></section>\n");
        LayoutSection story = layout(project).sections().get(1);
        assertEquals(1, story.blocks().size());
        assertEquals("Custom: The Story So Far", text(((Block.Paragraph) story.blocks().getFirst()).text()));
    }

    @Test
    void templateSyntaxErrorNamesTheTemplateAndLine() {
        TestProject project = TestProject.copy("minimal", temp)
                .write("layouts/article.schema.yaml", ARTICLE_SCHEMA)
                .write("layouts/article.ftlx", "<section>\n<p>\n<#if section.title>\n</p>\n</section>\n");
        Diagnostic d = errors(project).getFirst();
        assertTrue(d.where().file().endsWith("layouts/article.ftlx"), d.format());
        assertTrue(d.where().line() >= 3, d.format());
        assertTrue(d.message().startsWith("layout template"), d.message());
    }

    @Test
    void templateRuntimeErrorNamesTheTemplateLineAndSection() {
        TestProject project = TestProject.copy("minimal", temp)
                .write("layouts/article.schema.yaml", ARTICLE_SCHEMA)
                .write("layouts/article.ftlx", "<section>\n<p>${section.nothing}</p>\n</section>\n");
        Diagnostic d = errors(project).getFirst();
        assertTrue(d.where().file().endsWith("layouts/article.ftlx"), d.format());
        assertEquals(2, d.where().line());
        assertTrue(d.message().contains("sections/story.yaml"), d.message());
    }

    @Test
    void unknownElementsAndStylesAreReportedWithSuggestions() {
        TestProject project = TestProject.copy("minimal", temp)
                .write("layouts/article.schema.yaml", ARTICLE_SCHEMA)
                .write("layouts/article.ftlx", "<section>\n<paragraph>x</paragraph>\n<p style=\"bdy\">y</p>\n</section>\n");
        List<Diagnostic> all = errors(project);
        assertTrue(all.stream().anyMatch(d -> d.message().contains("<paragraph> is not a layout block")), all.toString());
        assertTrue(all.stream().anyMatch(d -> d.message().contains("style 'bdy'") && "did you mean 'body'?".equals(d.hint())),
                all.toString());
        assertTrue(all.stream().allMatch(d -> d.where().file().endsWith("layouts/article.ftlx")));
    }

    @Test
    void templatesCannotReachJava() {
        TestProject project = TestProject.copy("minimal", temp)
                .write("layouts/article.schema.yaml", ARTICLE_SCHEMA)
                .write("layouts/article.ftlx",
                        "<section><p>${\"freemarker.template.utility.Execute\"?new()(\"id\")}</p></section>\n");
        Diagnostic d = errors(project).getFirst();
        assertTrue(d.where().file().endsWith("layouts/article.ftlx"), d.format());
    }

    @Test
    void numbersInALayoutMustBeFiniteAndWithinBounds() {
        TestProject p = TestProject.copy("minimal", temp).write("layouts/article.schema.yaml", ARTICLE_SCHEMA)
                .write("layouts/article.ftlx", """
                        <section>
                        <page><frame x="NaN%" y="Infinity%" width="1e400pt" height="1001%"><p>x</p></frame></page>
                        <row><cell weight="NaN"/><cell weight="-1"/><cell weight="1e3"/></row>
                        <spacer height="99999999999999999999999999999999999999999999999999pt"/>
                        <panel padding="20000pt"><p>y</p></panel>
                        <image src="images/landscape.jpg" aspect="3:0"/>
                        </section>
                        """);
        List<String> messages = errors(p).stream().map(Diagnostic::message)
                .map(m -> m.replaceFirst("^<(\\w+)> at layout output line (\\d+) \\(setting \\S+\\): ", "$2 $1: ")).toList();
        assertEquals(List.of("2 frame: x='NaN%' is not a percentage", "2 frame: y='Infinity%' is not a percentage",
                "2 frame: width='1e400pt' is not a length", "2 frame: height='1001%' is more than 1000% either way",
                "3 cell: weight='NaN' must be a number from 0 to 1000", "3 cell: weight='-1' must be a number from 0 to 1000",
                "3 cell: weight='1e3' must be a number from 0 to 1000",
                "4 spacer: height='9999999999999999999999999999999999999...' is longer than 14400pt (200 in), the largest"
                        + " page a PDF can describe",
                "5 panel: padding='20000pt' is longer than 14400pt (200 in), the largest page a PDF can describe",
                "6 image: aspect='3:0' is not an aspect ratio"), messages);
    }

    @Test
    void layoutLinksOnlyGoToWebMailPhoneOrSections() {
        TestProject p = TestProject.copy("minimal", temp).write("layouts/article.schema.yaml", ARTICLE_SCHEMA)
                .write("layouts/article.ftlx", "<section><p><a href=\"javascript:alert(1)\">run</a>"
                        + " <a href=\"launch:calc.exe\">start</a> <a href=\"https://example.org/(x)\">ok</a></p></section>\n");
        List<Diagnostic> all = errors(p);
        assertEquals(2, all.size(), all.toString());
        assertTrue(all.get(0).message().endsWith("<a> at layout output line 1 (setting " + all.get(0).message()
                .replaceFirst(".*\\(setting ", "").replaceFirst("\\).*", "") + "): href cannot be used: links to"
                + " 'javascript:' are not allowed (javascript:alert(1))"), all.get(0).message());
        assertTrue(all.get(1).message().endsWith("links to 'launch:' are not allowed (launch:calc.exe)"), all.get(1).message());
        assertTrue(all.get(1).hint().startsWith("a link may go to"), all.get(1).hint());
    }
}
