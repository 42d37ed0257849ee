package dev.brochure.world;

import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.world.font.FontBook;
import dev.brochure.world.font.FontFace;
import dev.brochure.world.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The build context: everything a build reads besides its input records, made explicit and handed
 * to every stage. It holds
 * <ul>
 * <li>the project: its content folder and project root ({@link ProjectFiles}, which also resolves
 * {@code builtin:} references to the tool's own files);</li>
 * <li>the folder diagnostics show paths relative to (the command line passes its working folder;
 * by default the project root);</li>
 * <li>the process environment the build may consult (the PDF date from
 * {@code SOURCE_DATE_EPOCH}, the image cache folder), never read from the process itself;</li>
 * <li>the resources a build reads and their caches: one {@link FontFace} per font file (bytes,
 * JDK font, fontbox parse), one probe and checksum per image file ({@link ImageFiles}), and
 * per-stage slots ({@link #slot}) where a stage keeps what only it understands (compiled
 * templates, hyphenation patterns, PDF fonts and image encodings).</li>
 * </ul>
 * Every cache is keyed so that a changed file is read again: by the file's size and modification
 * time. The caches are shared by the workspaces {@link #forProject} derives, so one process (watch
 * mode, a batch) reads each font and photo once. There is no other state: nothing in main code
 * is a mutable static (ArchitectureTest checks it). Thread-safe.
 */
public final class Workspace {

    /** The caches, shared by the workspaces of one process. */
    private static final class Resources {
        private final FontBook fonts = new FontBook();
        private final ImageFiles images = new ImageFiles();
        private final Map<Class<?>, Object> slots = new ConcurrentHashMap<>();
    }

    private final ProjectFiles project;
    private final Map<String, String> environment;
    private final Path displayRoot;
    private final Resources resources;

    private Workspace(ProjectFiles project, Map<String, String> environment, Path displayRoot, Resources resources) {
        this.project = project;
        this.environment = Map.copyOf(environment);
        this.displayRoot = displayRoot;
        this.resources = resources;
    }

    /**
     * A new context with empty caches. {@code displayRoot}: the folder diagnostics show paths
     * relative to, or null for the project root.
     */
    public static Workspace create(Path contentDir, Path projectRoot, Map<String, String> environment,
            Path displayRoot) {
        return new Workspace(new ProjectFiles(contentDir, projectRoot, displayRoot == null ? projectRoot : displayRoot),
                environment, displayRoot, new Resources());
    }

    /** A new context for the usual arrangement (project root: the content folder's parent), no environment. */
    public static Workspace of(Path contentDir) {
        ProjectFiles usual = ProjectFiles.of(contentDir);
        return create(usual.contentDir(), usual.projectRoot(), Map.of(), null);
    }

    /** A context for another project that shares this one's caches, environment and display root. */
    public Workspace forProject(Path contentDir, Path projectRoot) {
        return new Workspace(new ProjectFiles(contentDir, projectRoot, displayRoot == null ? projectRoot : displayRoot),
                environment, displayRoot, resources);
    }

    /** Whether this context builds the project of {@code contentDir} with {@code projectRoot}. */
    public boolean serves(Path contentDir, Path projectRoot) {
        return project.contentDir().equals(contentDir.toAbsolutePath().normalize())
                && project.projectRoot().equals(projectRoot.toAbsolutePath().normalize());
    }

    public ProjectFiles project() {
        return project;
    }

    /** A file as diagnostics name it: {@code builtin:...}, or relative to the display root. */
    public String display(Path file) {
        return project.display(file);
    }

    /** The location of a whole file, for a diagnostic. */
    public SourceLocation where(Path file) {
        return project.where(file);
    }

    /** The environment the build may consult (never the process's own). */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * Where resampled images are kept between runs: {@code $BROCHURE_CACHE} ({@code off} or empty
     * for none), else {@code $XDG_CACHE_HOME/brochure}, else {@code ~/.cache/brochure}; none without
     * a home.
     */
    public Optional<Path> cacheDir() {
        return cacheDir(environment);
    }

    /** {@link #cacheDir()} for an environment. */
    public static Optional<Path> cacheDir(Map<String, String> environment) {
        String explicit = environment.get("BROCHURE_CACHE");
        if (explicit != null) {
            return explicit.isBlank() || explicit.equals("off") ? Optional.empty() : Optional.of(Path.of(explicit));
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(Path.of(xdg, "brochure"));
        }
        String home = environment.get("HOME");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "brochure"));
    }

    /** The fonts of this context (its files as read, nothing parsed yet, for checks). */
    public FontBook fonts() {
        return resources.fonts;
    }

    /**
     * The font in {@code file}, ready to shape, measure and embed; a file that cannot be read or
     * is no usable font is an error located at the file.
     */
    public FontFace font(Path file) {
        try {
            return resources.fonts.face(file);
        } catch (IOException e) {
            throw BrochureException.of(where(file), "cannot load font '" + file.getFileName() + "': "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    "the file may be corrupt; replace it with an undamaged TrueType (.ttf) font");
        }
    }

    /** The image files this context has probed. */
    public ImageFiles images() {
        return resources.images;
    }

    /**
     * A stage's own cache in this context: the one instance of {@code type}, made by
     * {@code create} the first time it is asked for. A stage keeps here what needs its own
     * library (compiled templates need Freemarker), so the context stays free of it; the type
     * is the key, so each stage's slot is private to the stage that declares the type.
     */
    public <T> T slot(Class<T> type, Supplier<? extends T> create) {
        Objects.requireNonNull(create);
        return type.cast(resources.slots.computeIfAbsent(type, t -> Objects.requireNonNull(create.get())));
    }
}
