package dev.brochure.pipeline;

import dev.brochure.content.ContentLoader;
import dev.brochure.content.ContentText;
import dev.brochure.content.Personalisation;
import dev.brochure.vocab.Recipient;
import dev.brochure.inspect.verify.ExpectedText;
import dev.brochure.typeset.quality.TypographyReport;
import dev.brochure.typeset.text.GreedyLineBreaker;
import dev.brochure.typeset.text.KnuthPlassLineBreaker;
import java.util.Locale;
import dev.brochure.world.Workspace;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.layout.LayoutEngine;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.render.PdfRenderer;
import dev.brochure.render.RenderOptions;
import dev.brochure.typeset.TypesetOptions;
import dev.brochure.typeset.Typesetter;
import dev.brochure.typeset.text.LineBreaker;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.diag.Staged;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole pipeline behind one facade: content, layout, typeset, render. The CLI and tests
 * call this. A {@code Pipeline} creates the build context ({@link Workspace}) each stage is
 * given, and keeps it: building again (watch mode, batches, another project) reads no font,
 * image or template that has not changed, and compiles no layout again.
 */
public class Pipeline {

    public static final String PRODUCER = "brochure " + Version.current();

    private final Map<String, String> environment;
    private final Path displayRoot;
    private final AtomicOutput output;
    private Workspace workspace;

    /**
     * A pipeline whose builds see {@code environment} (for {@code SOURCE_DATE_EPOCH} and the image
     * cache; never the process's own) and show paths in diagnostics relative to
     * {@code displayRoot} (the command line gives its working folder; null: each project's root).
     */
    public Pipeline(Map<String, String> environment, Path displayRoot) {
        this.environment = Map.copyOf(environment);
        this.displayRoot = displayRoot == null ? null : displayRoot.toAbsolutePath().normalize();
        this.output = new AtomicOutput(this.displayRoot);
    }

    /** The folder diagnostics show paths relative to (null: as given). */
    public Path displayRoot() {
        return displayRoot;
    }

    /** A pipeline showing paths relative to each project's root. */
    public Pipeline(Map<String, String> environment) {
        this(environment, null);
    }

    /**
     * The build context of a request's project: the same one again for the same project, else
     * one for the new project sharing the caches of the last.
     */
    public synchronized Workspace workspace(BuildRequest request) {
        if (workspace == null) {
            workspace = Workspace.create(request.contentDir(), request.projectRoot(), environment, displayRoot);
        } else if (!workspace.serves(request.contentDir(), request.projectRoot())) {
            workspace = workspace.forProject(request.contentDir(), request.projectRoot());
        }
        return workspace;
    }

    /** The largest source file a diagnostic's excerpt is read from. */
    private static final long MAX_EXCERPT_FILE = 4L << 20;

    /**
     * The line of source a diagnostic points at ({@code where.line()}, from 1), for showing it
     * under the message: a file shown relative to this pipeline's display root, or a built-in
     * ({@code builtin:layouts/cover.ftlx}). Empty when there is no line or it cannot be read.
     */
    public Optional<String> sourceLine(dev.brochure.vocab.SourceLocation where) {
        if (where.line() <= 0) {
            return Optional.empty();
        }
        Optional<String> text;
        String file = where.file();
        if (file.startsWith(dev.brochure.world.Builtins.PREFIX)) {
            String rest = file.substring(dev.brochure.world.Builtins.PREFIX.length());
            int slash = rest.indexOf('/');
            text = slash < 0 ? Optional.empty()
                    : dev.brochure.world.Builtins.read(rest.substring(0, slash), rest.substring(slash + 1));
        } else {
            Path path = displayRoot == null ? Path.of(file) : displayRoot.resolve(file);
            try {
                text = java.nio.file.Files.isRegularFile(path) && java.nio.file.Files.size(path) <= MAX_EXCERPT_FILE
                        ? Optional.of(java.nio.file.Files.readString(path)) : Optional.empty();
            } catch (java.io.IOException | RuntimeException e) {
                text = Optional.empty();
            }
        }
        return text.flatMap(t -> t.lines().skip(where.line() - 1L).findFirst());
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

    /**
     * As {@link #check(BuildRequest)}, breaking paragraphs into lines with {@code breaking}.
     * Throws a {@link BrochureException} with every warning and error of every stage if any is an error.
     */
    public Checked check(BuildRequest request, LineBreaking breaking) {
        BuildDates.problem(environment).filter(Diagnostic::isError).ifPresent(d -> {
            throw new BrochureException(d);
        });
        Staged<Typesetter.Result> staged = stages(request, typesetOptions(request.profile())
                .withLineBreaker(breaking.create()), new StageTimes.Clock());
        Typesetter.Result result = staged.orThrow();
        return new Checked(result.document().outline().size(), result.document().pages().size(), staged.warnings(),
                result.typography());
    }

    /** Typesets without writing, for callers that need the pages themselves (tests, benchmarks). */
    public Typesetter.Result typeset(BuildRequest request) {
        return stages(request, typesetOptions(request.profile()), new StageTimes.Clock()).orThrow();
    }

    /** As {@link #typeset(BuildRequest)}, breaking paragraphs into lines with {@code breaker}. */
    public Typesetter.Result typeset(BuildRequest request, LineBreaker breaker) {
        return stages(request, typesetOptions(request.profile()).withLineBreaker(breaker), new StageTimes.Clock())
                .orThrow();
    }

    /** The text units the content asks to be printed, for {@code verify --content}. */
    public List<ExpectedText> expectedText(Path contentDir) {
        BrochureContent loaded = content(BuildRequest.of(contentDir, Path.of("unused.pdf")));
        return ContentText.units(loaded).stream().map(u -> new ExpectedText(u.text(), u.where().toString())).toList();
    }

    /**
     * Builds the PDF. Every stage runs as far as it can, so one run reports every error the stages
     * can find, with every warning; if any is an error, nothing is written and a
     * {@link BrochureException} carries them all.
     */
    public BuildResult build(BuildRequest request) {
        return build(request, Progress.none());
    }

    /** As {@link #build(BuildRequest)}, telling {@code progress} about each render of the size search. */
    public BuildResult build(BuildRequest request, Progress progress) {
        OutputProfile profile = request.profile();
        Workspace workspace = workspace(request);
        StageTimes.Clock clock = new StageTimes.Clock();
        Optional<Diagnostic> date = BuildDates.problem(environment);
        if (date.isPresent() && date.get().isError()) {
            throw new BrochureException(date.get());
        }
        if (profile.pdfx() && request.archive()) {
            throw BrochureException.of(dev.brochure.vocab.SourceLocation.of("--archive"),
                    "an archival PDF/A file cannot also be the PDF/X-4 print edition (each has its own output intent)",
                    "build --profile print and --archive as two files");
        }
        Staged<Typesetter.Result> staged = stages(request, typesetOptions(profile), clock);
        List<Diagnostic> more = new ArrayList<>();
        BuildDates.problem(environment).ifPresent(more::add);
        cacheLimitProblem().ifPresent(more::add);
        if (profile.minPpi() > 0) {
            staged.result().ifPresent(t -> more.addAll(ImageResolution.below(t.document().pages(), profile.minPpi(),
                    request.strict(), workspace)));
        }
        staged = staged.with(more);
        Typesetter.Result typeset = staged.orThrow();
        List<Diagnostic> warnings = staged.warnings();
        try {
            return render(request, typeset, warnings, clock, progress);
        } catch (BrochureException e) {
            List<Diagnostic> all = new ArrayList<>(warnings);
            all.addAll(e.diagnostics());
            throw new BrochureException(all);
        }
    }

    private BuildResult render(BuildRequest request, Typesetter.Result typeset, List<Diagnostic> warnings,
            StageTimes.Clock clock, Progress progress) {
        OutputProfile profile = request.profile();
        Workspace workspace = workspace(request);
        RenderOptions options = new RenderOptions(BuildDates.of(typeset.document().info(), environment), PRODUCER,
                profile.slug(), profile.cropMarks(), profile.compactObjects(), profile.images(),
                workspace.cacheDir().orElse(null), cacheLimit(), profile.pdfx(), request.archive());
        if (request.maxSize() > 0) {
            int startPpi = profile.maxPpi() > 0 ? profile.maxPpi() : 300;
            SizeBudget.Fit fit = SizeBudget.fit(typeset.document(), options, workspace, request.maxSize(), startPpi,
                    request.output().toString(), progress);
            clock.lap("render");
            long bytes = output.write(request.output(), out -> out.write(fit.pdf()));
            clock.lap("write");
            return new BuildResult(request.output(), typeset.document().pages().size(), bytes, warnings, fit.images(),
                    clock.times());
        }
        long bytes = output.write(request.output(),
                out -> PdfRenderer.render(typeset.document(), options, workspace, out));
        clock.lap("render");
        return new BuildResult(request.output(), typeset.document().pages().size(), bytes, warnings, options.images(),
                clock.times());
    }

    /** Where resampled images are kept between runs (see {@link Workspace#cacheDir()}); null for nowhere. */
    public Path cacheDir() {
        return Workspace.cacheDir(environment).orElse(null);
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
        return Catalogs.layouts(workspace(request));
    }

    /**
     * What a content project can use: its layouts, and the colours, font families and styles of
     * the theme its {@code brochure.yaml} selects (the built-in {@code default} without one).
     */
    public Catalog catalog(BuildRequest request) {
        return Catalogs.catalog(workspace(request));
    }

    /**
     * Writes JSON Schemas of the project's YAML files into {@code dir}: {@code brochure.schema.json},
     * {@code section.schema.json} (any layout), {@code theme.schema.json} and
     * {@code layouts/<name>.schema.json}, made from the layouts' schemas and the loader's keys.
     * Returns the files written.
     */
    public List<Path> writeSchemas(BuildRequest request, Path dir) {
        return Catalogs.writeSchemas(workspace(request), output, dir);
    }

    /** The examples {@link #init} can start a project from, as written on the command line. */
    public static List<String> examples() {
        return java.util.Arrays.stream(NewProject.Example.values()).map(NewProject.Example::word).toList();
    }

    /**
     * Writes a new content project into {@code target} (a new or empty folder) from example
     * {@code example} ({@link #examples}): {@code brochure-content/} with its schemas, the images
     * it uses, a README for the author. Nothing is written when it fails. Returns the files written.
     */
    public List<Path> init(Path target, String example) {
        NewProject.Example chosen = NewProject.Example.valueOf(example.toUpperCase(java.util.Locale.ROOT));
        return NewProject.write(this, target, chosen);
    }

    /**
     * Copies built-in layout {@code name} (template and schema) into the project's {@code layouts/},
     * where it then replaces the built-in one; never overwrites a file. Returns the files written.
     */
    public List<Path> copyLayout(BuildRequest request, String name) {
        return Catalogs.copyLayout(workspace(request).project(), name);
    }

    private static TypesetOptions typesetOptions(OutputProfile profile) {
        TypesetOptions defaults = TypesetOptions.defaults();
        return new TypesetOptions(profile.bleed(), defaults.lineBreaker());
    }

    /** The validated content; a {@link BrochureException} with all its diagnostics if any is an error. */
    public BrochureContent content(BuildRequest request) {
        return readContent(request).orThrow();
    }

    /** The layout of {@code content}; a {@link BrochureException} with all its diagnostics if any is an error. */
    public LayoutDocument layout(BuildRequest request, BrochureContent content) {
        return layOut(request, content).orThrow();
    }

    /**
     * The content of the brochure without recipients: sections shown only to some readers are
     * left out, and so is every value that names a recipient field ({@link Personalisation}).
     * Content that names none is exactly as read.
     */
    private Staged<BrochureContent> readContent(BuildRequest request) {
        return readShared(request).then(c -> Personalisation.personalise(c, Recipient.NONE));
    }

    /** The content as read, for every reader. */
    private Staged<BrochureContent> readShared(BuildRequest request) {
        return ContentLoader.load(workspace(request)).map(content ->
                request.paper() == null ? content : content.withInfo(content.info().withPaper(request.paper())));
    }

    /**
     * The build context of personalised copies of {@code request}'s content: the content read
     * and checked once, then each copy made by {@link Copies#build}. Throws a
     * {@link BrochureException} with every diagnostic of the content if any is an error.
     */
    public Copies copies(BuildRequest request) {
        Staged<BrochureContent> content = readShared(request);
        List<Diagnostic> more = new ArrayList<>();
        BuildDates.problem(environment).ifPresent(more::add);
        content = content.with(more);
        BrochureContent shared = content.orThrow();
        OutputProfile profile = request.profile();
        RenderOptions options = new RenderOptions(BuildDates.of(shared.info(), environment), PRODUCER,
                profile.slug(), profile.cropMarks(), profile.compactObjects(), profile.images(),
                workspace(request).cacheDir().orElse(null));
        Workspace workspace = workspace(request);
        return new Copies(request, content, workspace, LayoutEngine.forBatch(workspace), typesetOptions(profile),
                options, output);
    }

    private Staged<LayoutDocument> layOut(BuildRequest request, BrochureContent content) {
        return new LayoutEngine(workspace(request)).layout(content);
    }

    /** Content, layout and typesetting, each going on with what the one before could make. */
    private Staged<Typesetter.Result> stages(BuildRequest request, TypesetOptions options, StageTimes.Clock clock) {
        Staged<BrochureContent> content = readContent(request);
        clock.lap("content");
        Staged<LayoutDocument> layout = content.then(c -> layOut(request, c));
        clock.lap("layout");
        Staged<Typesetter.Result> result = layout.then(l -> Typesetter.typeset(l, options, workspace(request)));
        clock.lap("typeset");
        return result;
    }
}
