package dev.brochure.pipeline;

import dev.brochure.content.Personalisation;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.diag.Staged;
import dev.brochure.layout.LayoutEngine;
import dev.brochure.layout.SectionReuse;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.render.ImagePolicy;
import dev.brochure.render.PdfRenderer;
import dev.brochure.render.RenderCache;
import dev.brochure.render.RenderOptions;
import dev.brochure.typeset.TypesetOptions;
import dev.brochure.typeset.Typesetter;
import dev.brochure.typeset.flow.SharedSections;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.vocab.Recipient;
import dev.brochure.world.Workspace;
import java.util.ArrayList;
import java.util.List;

/**
 * One batch's copies: the content read and checked once, the layout engine with its compiled
 * templates, the layouts and typesetting of the sections every copy shares, and the render
 * settings. Fonts, templates, image encodings and the render work copies share (font subsets,
 * page text, prepared images: {@link RenderCache}) are the build context's ({@link Workspace}),
 * loaded once. {@link #build}
 * makes the PDF of one reader's copy; it may be called from several threads at once, and keeps
 * nothing of a copy once it has returned it.
 */
public final class Copies {

    /** One reader's copy: the PDF's bytes, its page count, its warnings and the image settings used. */
    public record Copy(byte[] pdf, int pages, List<Diagnostic> warnings, ImagePolicy images) {
        public Copy {
            warnings = List.copyOf(warnings);
        }
    }

    private final BuildRequest request;
    private final BrochureContent content;
    private final List<Diagnostic> contentWarnings;
    private final LayoutEngine engine;
    private final SectionReuse layouts;
    private final SharedSections typeset;
    private final TypesetOptions options;
    private final RenderOptions render;
    private final Workspace workspace;
    private final RenderCache renders;
    private final AtomicOutput output;

    Copies(BuildRequest request, Staged<BrochureContent> content, Workspace workspace, LayoutEngine engine,
            TypesetOptions options, RenderOptions render, AtomicOutput output) {
        this.request = request;
        this.workspace = workspace;
        this.renders = RenderCache.of(workspace);
        this.output = output;
        this.content = content.orThrow();
        this.contentWarnings = content.warnings();
        this.engine = engine;
        this.layouts = new SectionReuse(this.content.sections());
        this.typeset = new SharedSections(layouts::isShared);
        this.options = options;
        this.render = render;
    }

    /** The content as read, before it is made anyone's (for checks of what it asks of readers). */
    public List<Personalisation.Use> uses() {
        return Personalisation.uses(content);
    }

    /** The fields {@code recipient} leaves empty that its copy needs. */
    public List<Personalisation.Use> missing(Recipient recipient) {
        return Personalisation.missing(content, recipient);
    }

    /** The warnings of reading the content: the same for every copy. */
    public List<Diagnostic> contentWarnings() {
        return contentWarnings;
    }

    /** Errors in the layout or typesetting of sections every copy shares: no copy can be made while there are any. */
    public List<Diagnostic> sharedErrors() {
        List<Diagnostic> errors = new ArrayList<>(layouts.sharedErrors());
        errors.addAll(typeset.sharedErrors());
        return errors;
    }

    /**
     * Builds {@code recipient}'s copy. Throws a {@link BrochureException} with every diagnostic
     * of the copy if any is an error. The warnings returned leave out those of reading the content.
     */
    public Copy build(Recipient recipient) {
        Staged<BrochureContent> personal = Personalisation.personalise(content, recipient);
        Recipient shown = Personalisation.typographic(recipient);
        Staged<LayoutDocument> layout = personal.then(c -> engine.layout(c, shown, layouts));
        Staged<TypesetDocument> typeset = layout.then(l -> Typesetter.typesetCopy(l, options, workspace, this.typeset));
        OutputProfile profile = request.profile();
        if (profile.minPpi() > 0) {
            typeset = typeset.with(typeset.result().map(t -> ImageResolution.below(t.pages(), profile.minPpi(),
                    request.strict(), workspace)).orElse(List.of()));
        }
        TypesetDocument document = typeset.orThrow();
        if (request.maxSize() > 0) {
            int startPpi = profile.maxPpi() > 0 ? profile.maxPpi() : 300;
            try {
                SizeBudget.Fit fit = SizeBudget.fit(document, render, workspace, request.maxSize(), startPpi, "the copy");
                return new Copy(fit.pdf(), document.pages().size(), typeset.warnings(), fit.images());
            } catch (BrochureException e) {
                List<Diagnostic> all = new ArrayList<>(typeset.warnings());
                all.addAll(e.diagnostics());
                throw new BrochureException(all);
            }
        }
        byte[] pdf = PdfRenderer.render(document, render, workspace, renders);
        return new Copy(pdf, document.pages().size(), typeset.warnings(), render.images());
    }

    /**
     * The settings that decide a copy's bytes besides its files: profile, preflight, size budget,
     * paper, the PDF's date and the producer. Two runs with the same settings and files make the
     * same copies.
     */
    public String settings() {
        return "profile=" + request.profile().word() + ";strict=" + request.strict() + ";max-size=" + request.maxSize()
                + ";paper=" + request.paper() + ";date=" + render.date().toInstant() + ";producer=" + render.producer();
    }

    /** The writer of the pipeline the copies are made by: each file written atomically. */
    public AtomicOutput output() {
        return output;
    }

    /** The request copies are made for (content folder, profile, size budget). */
    public BuildRequest request() {
        return request;
    }
}
