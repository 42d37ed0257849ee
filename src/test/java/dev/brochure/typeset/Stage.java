package dev.brochure.typeset;

import dev.brochure.world.Workspace;
import dev.brochure.content.ContentLoader;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Inline;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.vocab.DocumentInfo;
import dev.brochure.vocab.Paper;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Theme;
import dev.brochure.world.ProjectFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Typesetting's input built by hand: layout sections of {@link Block}s in the default theme
 * (read once from the minimal fixture, whose fonts the repository holds), typeset on A4.
 */
final class Stage {

    /** The build context of the minimal fixture, shared by the stage tests (its caches are keyed by file stamps). */
    static final Workspace WORKSPACE = Workspace.create(TestProject.FIXTURES.resolve("minimal"), TestProject.REPO, java.util.Map.of(), TestProject.REPO);
    static final BrochureContent CONTENT = ContentLoader.load(WORKSPACE).orThrow();
    static final Theme THEME = CONTENT.theme();
    static final DocumentInfo INFO = CONTENT.info().withPaper(Paper.A4);
    static final String FILE = "sections/probe.yaml";
    /** The height of the body master's type area on A4 (20 mm and 22 mm margins). */
    static final double BODY = Paper.A4.height() - THEME.masters().get("body").margins().top()
            - THEME.masters().get("body").margins().bottom();
    static final double WIDTH = Paper.A4.width() - THEME.masters().get("body").margins().left()
            - THEME.masters().get("body").margins().right();

    private Stage() {
    }

    static SourceLocation at(int line) {
        return new SourceLocation(FILE, line, 1);
    }

    static TextStyle style(String name) {
        return THEME.styles().get(name);
    }

    static List<Inline> text(String s) {
        return List.of(new Inline.Run(s, false, false, null, null));
    }

    static Block.Paragraph p(String s, int line) {
        return new Block.Paragraph(style("body"), null, text(s), at(line));
    }

    static Block.Spacer spacer(double height) {
        return new Block.Spacer(height, at(1));
    }

    static LayoutSection section(String id, boolean newPage, Block... blocks) {
        return new LayoutSection(id, id, THEME.masters().get("body"), newPage, List.of(blocks),
                new SourceLocation("sections/" + id + ".yaml", 0, 0), "builtin:layouts/probe.ftlx");
    }

    static LayoutSection section(String id, boolean newPage, double feather, Block... blocks) {
        return new LayoutSection(id, id, THEME.masters().get("body"), newPage, List.of(blocks),
                new SourceLocation("sections/" + id + ".yaml", 0, 0), "builtin:layouts/probe.ftlx", feather);
    }

    /** Typesets {@code sections} with the warnings typesetting raised. */
    static dev.brochure.diag.Staged<Typesetter.Result> staged(LayoutSection... sections) {
        return Typesetter.typeset(new LayoutDocument(INFO, THEME, List.of(sections)), TypesetOptions.defaults(), WORKSPACE);
    }

    static Typesetter.Result typeset(LayoutSection... sections) {
        return Typesetter.typeset(new LayoutDocument(INFO, THEME, List.of(sections)), TypesetOptions.defaults(), WORKSPACE).orThrow();
    }

    static <T extends PageItem> List<T> items(Page page, Class<T> kind) {
        return page.items().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The glyph runs of a page showing {@code text}. */
    static List<PageItem.GlyphRun> runs(Page page, String text) {
        return items(page, PageItem.GlyphRun.class).stream().filter(r -> r.text().contains(text)).toList();
    }

    /** Body text of {@code words} words, "w0 w1 ...", for paragraphs of a chosen length. */
    static String words(int words) {
        return String.join(" ", Stream.iterate(0, i -> i + 1).limit(words).map(i -> "word" + i).toList());
    }

    static List<Block> repeat(int n, java.util.function.IntFunction<Block> block) {
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(block.apply(i));
        }
        return out;
    }
}
