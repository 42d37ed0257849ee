package dev.brochure.pipeline;

import dev.brochure.content.ContentLoader;
import dev.brochure.content.ContentText;
import dev.brochure.inspect.verify.ExpectedText;
import dev.brochure.typeset.quality.TypographyReport;
import dev.brochure.typeset.text.GreedyLineBreaker;
import dev.brochure.typeset.text.KnuthPlassLineBreaker;
import java.util.Locale;
import dev.brochure.world.ProjectFiles;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.layout.LayoutEngine;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.render.PdfRenderer;
import dev.brochure.render.RenderOptions;
import dev.brochure.typeset.TypesetOptions;
import dev.brochure.typeset.Typesetter;
import dev.brochure.typeset.text.LineBreaker;
import dev.brochure.diag.Diagnostic;
import dev.brochure.diag.Diagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** The line breakers a check can typeset with (the build always uses Knuth–Plass). */
    public enum LineBreaking {
        KNUTH_PLASS, GREEDY, GREEDY_SHRINK;

        LineBreaker create() {
            return switch (this) {
                case KNUTH_PLASS -> new KnuthPlassLineBreaker();
                case GREEDY -> new GreedyLineBreaker();
                case GREEDY_SHRINK -> GreedyLineBreaker.shrinking();
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What a check found: the size of the typeset document, its warnings and its typography. */
    public record Checked(int sections, int pages, List<Diagnostic> warnings, TypographyReport typography) {
        public Checked {
            warnings = List.copyOf(warnings);
        }
    }

    /** Reads and validates the content, and runs its layouts and typesetting, writing nothing. */
    public Checked check(BuildRequest request) {
        return check(request, LineBreaking.KNUTH_PLASS);
    }

    /** As {@link #check(BuildRequest)}, breaking paragraphs into lines with {@code breaking}. */
    public Checked check(BuildRequest request, LineBreaking breaking) {
        Typesetter.Result result = typeset(request, typesetOptions(request.profile()).withLineBreaker(breaking.create()));
        return new Checked(result.document().outline().size(), result.document().pages().size(), result.warnings(),
                result.typography());
    }

    /** Typesets without writing, for callers that need the pages themselves (tests, benchmarks). */
    public Typesetter.Result typeset(BuildRequest request) {
        return typeset(request, typesetOptions(request.profile()));
    }

    /** As {@link #typeset(BuildRequest)}, breaking paragraphs into lines with {@code breaker}. */
    public Typesetter.Result typeset(BuildRequest request, LineBreaker breaker) {
        return typeset(request, typesetOptions(request.profile()).withLineBreaker(breaker));
    }

    /** The text units the content asks to be printed, for {@code verify --content}. */
    public List<ExpectedText> expectedText(Path contentDir) {
        BrochureContent loaded = content(BuildRequest.of(contentDir, Path.of("unused.pdf")));
        return ContentText.units(loaded).stream().map(u -> new ExpectedText(u.text(), u.where().toString())).toList();
    }

    public BuildResult build(BuildRequest request) {
        OutputProfile profile = request.profile();
        StageTimes.Clock clock = new StageTimes.Clock();
        Typesetter.Result typeset = typeset(request, typesetOptions(profile), clock);
        List<Diagnostic> warnings = new ArrayList<>(typeset.warnings());
        BuildDates.problem(environment).ifPresent(warnings::add);
        cacheLimitProblem().ifPresent(warnings::add);
        if (profile.minPpi() > 0) {
            Diagnostics preflight = new Diagnostics();
            preflight.addAll(ImageResolution.below(typeset.document().pages(), profile.minPpi(), request.strict()));
            preflight.throwIfErrors();
            warnings.addAll(preflight.warnings());
        }
        RenderOptions options = new RenderOptions(BuildDates.of(typeset.document().info(), environment), PRODUCER,
                profile.slug(), profile.cropMarks(), profile.compactObjects(), profile.images(), cacheDir(), cacheLimit());
        if (request.maxSize() > 0) {
            int startPpi = profile.maxPpi() > 0 ? profile.maxPpi() : 300;
            SizeBudget.Fit fit = SizeBudget.fit(typeset.document(), options, request.maxSize(), startPpi,
                    request.output().toString());
            clock.lap("render");
            long bytes = AtomicOutput.write(request.output(), out -> out.write(fit.pdf()));
            clock.lap("write");
            return new BuildResult(request.output(), typeset.document().pages().size(), bytes, warnings, fit.images(),
                    clock.times());
        }
        long bytes = AtomicOutput.write(request.output(), out -> PdfRenderer.render(typeset.document(), options, out));
        clock.lap("render");
        return new BuildResult(request.output(), typeset.document().pages().size(), bytes, warnings, options.images(),
                clock.times());
    }

    /**
     * Where resampled images are kept between runs: {@code $BROCHURE_CACHE}, else
     * {@code $XDG_CACHE_HOME/brochure}, else {@code ~/.cache/brochure}; none without a home.
     */
    public Path cacheDir() {
        String explicit = environment.get("BROCHURE_CACHE");
        if (explicit != null) {
            return explicit.isBlank() || explicit.equals("off") ? null : Path.of(explicit);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "brochure");
        }
        String home = environment.get("HOME");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "brochure");
    }

    /**
     * How large the disk cache may grow, in bytes: {@code $BROCHURE_CACHE_MAX} (a size such as
     * {@code 512M}, {@code 2G}, {@code 800MiB}), else 512 MB. Past it, the entries used longest ago
     * are deleted. A value that is not a size is reported as a warning and the default applies.
     */
    public long cacheLimit() {
        String max = environment.get("BROCHURE_CACHE_MAX");
        if (max == null || max.isBlank()) {
            return dev.brochure.render.RenderOptions.DEFAULT_CACHE_LIMIT;
        }
        return ByteSize.parse(max).orElse(dev.brochure.render.RenderOptions.DEFAULT_CACHE_LIMIT);
    }

    private java.util.Optional<Diagnostic> cacheLimitProblem() {
        String max = environment.get("BROCHURE_CACHE_MAX");
        if (max == null || max.isBlank() || ByteSize.parse(max).isPresent()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Diagnostic.warning(dev.brochure.vocab.SourceLocation.of("BROCHURE_CACHE_MAX"),
                "'" + max + "' is not a size; the image cache is kept to 512 MB",
                "write a size such as 512M, 2G or 800MiB"));
    }

    /** The layouts a content project can use, its own and the built-in ones, with their fields. */
    public List<Catalog.Layout> layouts(BuildRequest request) {
        return Catalogs.layouts(Catalogs.project(request));
    }

    /**
     * What a content project can use: its layouts, and the colours, font families and styles of
     * the theme its {@code brochure.yaml} selects (the built-in {@code default} without one).
     */
    public Catalog catalog(BuildRequest request) {
        return Catalogs.catalog(Catalogs.project(request));
    }

    /**
     * Writes JSON Schemas of the project's YAML files into {@code dir}: {@code brochure.schema.json},
     * {@code section.schema.json} (any layout), {@code theme.schema.json} and
     * {@code layouts/<name>.schema.json}, made from the layouts' schemas and the loader's keys.
     * Returns the files written.
     */
    public List<Path> writeSchemas(BuildRequest request, Path dir) {
        return Catalogs.writeSchemas(Catalogs.project(request), dir);
    }

    /**
     * Copies built-in layout {@code name} (template and schema) into the project's {@code layouts/},
     * where it then replaces the built-in one; never overwrites a file. Returns the files written.
     */
    public List<Path> copyLayout(BuildRequest request, String name) {
        return Catalogs.copyLayout(Catalogs.project(request), name);
    }

    private static TypesetOptions typesetOptions(OutputProfile profile) {
        TypesetOptions defaults = TypesetOptions.defaults();
        return new TypesetOptions(profile.bleed(), defaults.lineBreaker());
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
        return typeset(request, options, new StageTimes.Clock());
    }

    private Typesetter.Result typeset(BuildRequest request, TypesetOptions options, StageTimes.Clock clock) {
        BrochureContent content = content(request);
        clock.lap("content");
        LayoutDocument layout = layout(request, content);
        clock.lap("layout");
        Typesetter.Result result = Typesetter.typeset(layout, options);
        clock.lap("typeset");
        return result;
    }
}
