package dev.brochure.pipeline;

import dev.brochure.content.ContentLoader;
import dev.brochure.content.ProjectFiles;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.layout.LayoutEngine;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.render.PdfRenderer;
import dev.brochure.render.RenderOptions;
import dev.brochure.typeset.TypesetOptions;
import dev.brochure.typeset.Typesetter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole pipeline behind one facade: content, layout, typeset, render. The CLI and tests
 * call this; a {@code Pipeline} keeps each project's compiled layouts, so building the same
 * project again (watch mode, batches) repeats no work that does not depend on the content.
 */
public class Pipeline {

    public static final String PRODUCER = "brochure " + Version.current();

    private final Map<String, String> environment;
    private final Map<Path, LayoutEngine> engines = new HashMap<>();

    public Pipeline(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Pipeline() {
        this(System.getenv());
    }

    /** Reads and validates the content, and runs its layouts and typesetting, writing nothing. */
    public Typesetter.Result check(BuildRequest request) {
        return typeset(request, TypesetOptions.defaults());
    }

    public BuildResult build(BuildRequest request) {
        Typesetter.Result typeset = typeset(request, TypesetOptions.defaults());
        RenderOptions options = new RenderOptions(BuildDates.of(typeset.document().info(), environment), PRODUCER);
        long bytes = AtomicOutput.write(request.output(), out -> PdfRenderer.render(typeset.document(), options, out));
        return new BuildResult(request.output(), typeset.document().pages().size(), bytes, typeset.warnings());
    }

    public BrochureContent content(BuildRequest request) {
        BrochureContent content = ContentLoader.load(new ProjectFiles(request.contentDir(), request.projectRoot()));
        return request.paper() == null ? content : content.withInfo(content.info().withPaper(request.paper()));
    }

    public LayoutDocument layout(BuildRequest request, BrochureContent content) {
        return engines.computeIfAbsent(request.contentDir().toAbsolutePath().normalize(),
                dir -> new LayoutEngine(content.project())).layout(content);
    }

    private Typesetter.Result typeset(BuildRequest request, TypesetOptions options) {
        BrochureContent content = content(request);
        return Typesetter.typeset(layout(request, content), options);
    }
}
