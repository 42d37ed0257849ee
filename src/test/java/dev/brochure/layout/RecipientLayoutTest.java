package dev.brochure.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentLoader;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.content.model.Section;
import dev.brochure.content.model.Value;
import dev.brochure.diag.Staged;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Inline;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.testing.TestProject;
import dev.brochure.vocab.Recipient;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.world.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layout descriptors see the copy's reader as {@code recipient}; a section whose template never
 * looks at it is laid out once for a whole batch.
 */
class RecipientLayoutTest {

    private static final SourceLocation AT = new SourceLocation("sections/s.yaml", 2, 8);

    @TempDir
    Path temp;

    private Workspace files;
    private BrochureContent loaded;

    @BeforeEach
    void project() {
        TestProject project = TestProject.copy("minimal", temp)
                .write("layouts/hello.schema.yaml", "description: a greeting\nfields:\n  label: {type: plain}\n")
                .write("layouts/hello.ftlx", """
                        <section start="continue">
                          <p>${section.label!"Hello"}, <#if recipient.first_name??>${recipient.first_name}<#else>reader</#if>!</p>
                          <#if recipient?has_content><p>Fields: ${recipient?keys?join(", ")}</p></#if>
                        </section>
                        """)
                .write("layouts/plain.schema.yaml", "description: no reader\nfields:\n  label: {type: plain}\n")
                .write("layouts/plain.ftlx", "<section start=\"continue\"><p>${section.label}</p></section>\n");
        files = Workspace.create(project.content(), TestProject.REPO, java.util.Map.of(), TestProject.REPO);
        loaded = ContentLoader.load(files).orThrow();
    }

    private BrochureContent content(Section... sections) {
        return new BrochureContent(loaded.info(), loaded.theme(), List.of(sections), loaded.images(), files.project());
    }

    private static Section section(String id, String layout, String label) {
        Map<String, Value> fields = new LinkedHashMap<>();
        fields.put("label", new Value.Plain(label, AT));
        return new Section(id, layout, id, new Value.Fields(fields, AT), AT);
    }

    private static Recipient reader(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return new Recipient(fields, SourceLocation.of("r.csv"));
    }

    private static List<String> texts(LayoutSection section) {
        List<String> out = new ArrayList<>();
        for (Block block : section.blocks()) {
            if (block instanceof Block.Paragraph p) {
                StringBuilder text = new StringBuilder();
                p.text().forEach(i -> {
                    if (i instanceof Inline.Run r) {
                        text.append(r.text());
                    }
                });
                out.add(text.toString());
            }
        }
        return out;
    }

    @Test
    void aTemplateReadsTheReadersFieldsEscapedLikeAnyValue() {
        LayoutEngine engine = LayoutEngine.forBatch(files);
        SectionReuse reuse = new SectionReuse(List.of());
        Section hello = section("hello", "hello", "Welcome");
        LayoutDocument doc = engine.layout(content(hello), reader("first_name", "<b>Ada</b> & co", "note", ""), reuse)
                .orThrow();
        assertEquals(List.of("Welcome, <b>Ada</b> & co!", "Fields: first_name"), texts(doc.sections().getFirst()),
                "markup in a field is text; an empty field is absent");
        LayoutDocument generic = new LayoutEngine(files).layout(content(hello)).orThrow();
        assertEquals(List.of("Welcome, reader!"), texts(generic.sections().getFirst()),
                "without a reader, recipient is an empty hash");
    }

    @Test
    void aSectionWhoseTemplateIgnoresTheReaderIsLaidOutOnceAndOneThatReadsItForEveryCopy() {
        Section plain = section("plain", "plain", "The same words");
        Section hello = section("hello", "hello", "Hi");
        BrochureContent content = content(plain, hello);
        SectionReuse reuse = new SectionReuse(content.sections());
        LayoutEngine engine = LayoutEngine.forBatch(files);

        LayoutDocument ada = engine.layout(content, reader("first_name", "Ada"), reuse).orThrow();
        LayoutDocument alan = engine.layout(content, reader("first_name", "Alan"), reuse).orThrow();

        assertSame(ada.sections().get(0), alan.sections().get(0), "one layout of the shared section for every copy");
        assertTrue(reuse.isShared(ada.sections().get(0)));
        assertNotSame(ada.sections().get(1), alan.sections().get(1));
        assertFalse(reuse.isShared(alan.sections().get(1)));
        assertEquals(List.of("Hi, Ada!", "Fields: first_name"), texts(ada.sections().get(1)));
        assertEquals(List.of("Hi, Alan!", "Fields: first_name"), texts(alan.sections().get(1)));
    }

    @Test
    void aSharedLayoutIsKeptPerSetOfSectionsShownSoLinksAreCheckedForEachCopy() {
        Map<String, Value> link = new LinkedHashMap<>();
        link.put("label", new Value.Text(new dev.brochure.content.model.RichText(List.of(
                new dev.brochure.content.model.RichText.Span("the note", false, false, "#note"))), AT));
        Section plain = new Section("plain", "plain", "plain", new Value.Fields(link, AT), AT);
        Section note = section("note", "plain", "A note");
        BrochureContent with = content(plain, note);
        BrochureContent without = new BrochureContent(with.info(), with.theme(), List.of(plain), with.images(),
                with.project(), Set.of("plain"));
        SectionReuse reuse = new SectionReuse(with.sections());
        LayoutEngine engine = LayoutEngine.forBatch(files);
        LayoutSection shown = engine.layout(with, reader(), reuse).orThrow().sections().getFirst();
        Staged<LayoutDocument> other = engine.layout(without, reader(), reuse);
        assertTrue(other.hasErrors(), "the copy without the note has a broken link: " + other.diagnostics());
        assertTrue(other.diagnostics().getFirst().message().contains("note"), other.diagnostics().toString());
        assertFalse(engine.layout(with, reader(), reuse).hasErrors(), "the copy with it has none");
        assertSame(shown, engine.layout(with, reader(), reuse).orThrow().sections().getFirst());
    }

    @Test
    void anErrorOfASharedSectionIsKeptForEveryCopyAndReported() {
        Section broken = new Section("b", "plain", "b", new Value.Fields(Map.of(), AT), AT);
        BrochureContent content = content(broken);
        SectionReuse reuse = new SectionReuse(content.sections());
        LayoutEngine engine = LayoutEngine.forBatch(files);
        Staged<LayoutDocument> first = engine.layout(content, reader(), reuse);
        Staged<LayoutDocument> second = engine.layout(content, reader(), reuse);
        assertTrue(first.hasErrors() && second.hasErrors());
        assertEquals(first.diagnostics(), second.diagnostics());
        assertEquals(1, reuse.sharedErrors().size(), reuse.sharedErrors().toString());
        assertTrue(second.result().orElseThrow().sections().isEmpty());
    }
}
