package dev.brochure.layout;

import dev.brochure.world.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentLoader;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.content.model.RichText;
import dev.brochure.content.model.RichText.Span;
import dev.brochure.content.model.Section;
import dev.brochure.content.model.Value;
import dev.brochure.diag.Diagnostic;
import dev.brochure.diag.Staged;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.testing.TestProject;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.world.ProjectFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout stage on content built here as records: it returns its document with every
 * diagnostic, leaves out only the sections that have errors, and locates every block at the
 * content value it shows, plain fields and images included, without reading a location from text.
 */
class LayoutDiagnosticsTest {

    @TempDir
    Path temp;

    private Workspace files;
    private BrochureContent loaded;

    private static final SourceLocation LABEL = new SourceLocation("sections/a.yaml", 2, 8);
    private static final SourceLocation BODY = new SourceLocation("sections/a.yaml", 3, 7);
    private static final SourceLocation PHOTO = new SourceLocation("sections/a.yaml", 4, 8);
    private static final SourceLocation SECTION = new SourceLocation("sections/a.yaml", 1, 1);

    @BeforeEach
    void project() {
        TestProject project = TestProject.copy("minimal", temp)
                .write("layouts/note.ftlx", """
                        <section>
                          <p style="kicker">${section.label}</p>
                          <p>${section.body}</p>
                          <#if section.photo??><image src="${section.photo}" alt="${section.label}"/></#if>
                          <p style="caption">Set by the layout itself.</p>
                        </section>
                        """)
                .write("layouts/broken.ftlx", "<section>\n<p>\n<#if>x</#if>\n</p>\n</section>\n");
        files = project.workspace();
        loaded = ContentLoader.load(files).orThrow();
    }

    private static Value.Text text(SourceLocation where, Span... spans) {
        return new Value.Text(new RichText(List.of(spans)), where);
    }

    private static Span words(String text) {
        return new Span(text, false, false, null);
    }

    private Section note(String id, Value.Text body) {
        Map<String, Value> fields = new LinkedHashMap<>();
        fields.put("label", new Value.Plain("A label", LABEL));
        fields.put("body", body);
        fields.put("photo", new Value.Image(loaded.images().get("images/landscape.jpg"), PHOTO));
        return new Section(id, "note", id, new Value.Fields(fields, SECTION), SECTION);
    }

    private Section broken() {
        SourceLocation where = new SourceLocation("sections/b.yaml", 1, 1);
        return new Section("b", "broken", "b", new Value.Fields(Map.of(), where), where);
    }

    private Staged<LayoutDocument> layout(List<Section> sections, Set<String> anchors) {
        BrochureContent content = new BrochureContent(loaded.info(), loaded.theme(), sections, loaded.images(), files.project(),
                anchors);
        return new LayoutEngine(files).layout(content);
    }

    private static List<String> errors(Staged<?> staged) {
        return staged.diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> d.where().toString().replaceFirst("^.*/layouts/", "layouts/") + " " + d.message()).toList();
    }

    @Test
    void aBrokenLinkAndATemplateErrorOfAnotherSectionComeInOneRun() {
        Section linking = note("a", text(BODY, words("Read "), new Span("the end", false, false, "#the-end")));
        Section fine = note("c", text(BODY, words("Nothing wrong here.")));
        Staged<LayoutDocument> staged = layout(List.of(linking, broken(), fine), Set.of("a", "b", "c"));

        List<String> errors = errors(staged);
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("sections/a.yaml:3:7 the link to '#the-end' points nowhere: no section has the id 'the-end'",
                errors.get(0));
        assertTrue(errors.get(1).startsWith("layouts/broken.ftlx:3:") && errors.get(1).contains("syntax error"),
                errors.toString());
        assertNotNull(staged.value(), "the stage goes on with what is valid");
        assertEquals(List.of("c"), staged.value().sections().stream().map(LayoutSection::id).toList(),
                "the sections with errors are left out, the others kept");
    }

    @Test
    void aLinkToASectionTheContentLeftOutIsNoNewError() {
        Section linking = note("a", text(BODY, words("See "), new Span("the gone one", false, false, "#gone")));
        Staged<LayoutDocument> staged = layout(List.of(linking), Set.of("a", "gone"));
        assertEquals(List.of(), errors(staged));
    }

    @Test
    void aBrokenLinkTheTemplateWritesIsReportedInTheTemplate() throws Exception {
        java.nio.file.Files.writeString(files.project().layoutsDir().resolve("note.ftlx"),
                "<section><p>${section.body} <a href=\"#nowhere\">more</a></p></section>\n");
        Staged<LayoutDocument> staged = layout(List.of(note("a", text(BODY, words("Body.")))), Set.of("a"));
        List<String> errors = errors(staged);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.getFirst().startsWith("layouts/note.ftlx <a> at layout output line 1")
                && errors.getFirst().contains("'#nowhere' points nowhere"), errors.toString());
    }

    @Test
    void everyBlockIsLocatedAtTheContentValueItShows() {
        Staged<LayoutDocument> staged = layout(List.of(note("a", text(BODY, words("The body.")))), Set.of("a"));
        assertEquals(List.of(), staged.diagnostics());
        List<Block> blocks = staged.value().sections().getFirst().blocks();
        assertEquals(LABEL, assertInstanceOf(Block.Paragraph.class, blocks.get(0)).where(), "a plain field");
        assertEquals(BODY, assertInstanceOf(Block.Paragraph.class, blocks.get(1)).where(), "a text field");
        Block.Image image = assertInstanceOf(Block.Image.class, blocks.get(2));
        assertEquals(PHOTO, image.where(), "an image, named in an attribute");
        assertEquals("A label", image.alt());
        assertEquals(SECTION, assertInstanceOf(Block.Paragraph.class, blocks.get(3)).where(),
                "text of the layout itself: the section");
    }

    @Test
    void aStringTheTemplateOnlyComparesOrChangesLocatesNothing() throws Exception {
        java.nio.file.Files.writeString(files.project().layoutsDir().resolve("note.ftlx"), """
                <section>
                  <#if section.label == "x"></#if><p>Static words.</p>
                  <p>${section.label?upper_case}</p>
                  <p><b>${section.label}</b></p>
                </section>
                """);
        List<Block> blocks = layout(List.of(note("a", text(BODY, words("x")))), Set.of("a")).orThrow()
                .sections().getFirst().blocks();
        assertEquals(List.of(SECTION, SECTION, LABEL), blocks.stream().map(Block::where).toList());
    }

    @Test
    void aMarkTheTemplateWritesItselfNamesNoPlace() throws Exception {
        java.nio.file.Files.writeString(files.project().layoutsDir().resolve("note.ftlx"),
                "<section><p><?src sections/x.yaml:7:3?>one</p><p><?src 99?>two</p><p><?src 0?>three</p></section>\n");
        List<Block> blocks = layout(List.of(note("a", text(BODY, words("x")))), Set.of("a")).orThrow()
                .sections().getFirst().blocks();
        assertEquals(SECTION, blocks.get(0).where(), "a location written as text is not read");
        assertEquals(SECTION, blocks.get(1).where(), "a number no value has");
        assertEquals(SECTION, blocks.get(2).where(), "a number the run gave no value");
    }

    @Test
    void marksGoOnlyWhereXmlAllowsThem() throws Exception {
        java.nio.file.Files.writeString(files.project().layoutsDir().resolve("note.ftlx"), """
                <section>
                  <!-- ${section.label} --><p>Static <![CDATA[${section.label}]]> words.</p>
                  <image alt="1 > 0 and '${section.label}'" src="${section.photo}"/>
                </section>
                """);
        List<Block> blocks = layout(List.of(note("a", text(BODY, words("x")))), Set.of("a")).orThrow()
                .sections().getFirst().blocks();
        assertEquals(SECTION, blocks.get(0).where(), "nothing is marked inside a comment or CDATA");
        assertEquals(LABEL, blocks.get(1).where(), "a '>' inside quotes does not end the tag");
    }
}
