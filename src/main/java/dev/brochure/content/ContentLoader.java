package dev.brochure.content;

import dev.brochure.world.ImageCatalog;
import dev.brochure.world.LayoutCatalog;
import dev.brochure.world.MemoryBudget;
import dev.brochure.world.ProjectFiles;
import dev.brochure.world.Workspace;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.vocab.DocumentInfo;
import dev.brochure.vocab.Paper;
import dev.brochure.content.model.Section;
import dev.brochure.content.model.Value;
import dev.brochure.content.schema.FieldReader;
import dev.brochure.content.schema.SchemaReader;
import dev.brochure.content.schema.SectionSchema;
import dev.brochure.vocab.Theme;
import dev.brochure.content.theme.ThemeLoader;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostics;
import dev.brochure.diag.Staged;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.diag.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The content stage: reads {@code brochure.yaml}, its theme and every section file, validates
 * each section against its layout's schema, and returns the immutable {@link BrochureContent}.
 * All problems of all files are reported together in one {@link BrochureException}.
 */
public final class ContentLoader {

    /** The keys {@code brochure.yaml} accepts (the JSON Schema of {@code brochure.yaml} lists the same). */
    public static final List<String> BROCHURE_KEYS =
            List.of("title", "author", "subject", "keywords", "language", "paper", "theme", "date", "sections");
    /** The keys every section file accepts beside its layout's fields ({@code when:} shows it to some readers only). */
    public static final List<String> SECTION_KEYS = List.of("layout", "id", "outline", "start", "when");
    /** How a section may begin: on a new page, or on the page the one before it ended on. */
    public static final List<String> STARTS = List.of("page", "continue");
    private static final java.util.regex.Pattern WHEN = java.util.regex.Pattern.compile("recipient\\.(\\S+)");

    private final Workspace workspace;
    private final ProjectFiles project;
    private final MemoryBudget budget = MemoryBudget.ofThisProcess();
    private final Diagnostics diagnostics = new Diagnostics();
    private final LayoutCatalog layouts;
    private final ImageCatalog images;
    private final Map<String, Optional<SectionSchema>> schemas = new HashMap<>();
    /** Layouts whose schema could not be read (already reported): not also "unknown". */
    private final Set<String> unreadableLayouts = new HashSet<>();
    /** The id of every section listed, also of those left out for their errors: what {@code #id} links may name. */
    private final Set<String> anchors = new LinkedHashSet<>();

    private ContentLoader(Workspace workspace) {
        this.workspace = workspace;
        this.project = workspace.project();
        this.layouts = new LayoutCatalog(project);
        this.images = new ImageCatalog(workspace, diagnostics);
    }

    /**
     * Reads and checks the content. The result leaves out every section that has an error (the
     * errors are among the diagnostics), so that later stages can still check the others; it is
     * absent only when nothing can go on (no {@code brochure.yaml}, no usable theme).
     */
    public static Staged<BrochureContent> load(Workspace workspace) {
        ContentLoader loader = new ContentLoader(workspace);
        try {
            return loader.diagnostics.result(loader.run());
        } catch (BrochureException e) {
            loader.diagnostics.addAll(e.diagnostics());
            return loader.diagnostics.result(null);
        }
    }

    private BrochureContent run() {
        if (!Files.isDirectory(project.contentDir())) {
            throw BrochureException.of(project.where(project.contentDir()), "content folder not found",
                    "run in the folder that holds brochure-content/, or pass --content DIR");
        }
        Path nested = project.contentDir().resolve("brochure-content");
        if (!Files.exists(project.brochureFile()) && Files.isRegularFile(nested.resolve("brochure.yaml"))) {
            // --content given the project's folder rather than its content folder.
            throw BrochureException.of(project.where(project.brochureFile()), "file not found",
                    "this folder holds a project: did you mean --content " + nested + "?");
        }
        project.checkInside(project.brochureFile(), project.contentDir());
        YamlFile file = YamlFile.read(project.brochureFile(), project.display(project.brochureFile()));
        NodeReader reader = new NodeReader(file.displayName(), diagnostics);
        if (file.isEmpty()) {
            throw BrochureException.of(file.whole(), "brochure.yaml is empty", "give at least 'title:' and 'sections:'");
        }
        Map<String, Node> top = reader.mapping(file.root(), "brochure.yaml", BROCHURE_KEYS).orElse(Map.of());
        reader.requireKeys(file.root(), top, "brochure.yaml", List.of("title", "sections"));
        DocumentInfo info = info(reader, top, file);
        String themeName = opt(reader, top, "theme").orElse("default");
        SourceLocation themeAt = top.containsKey("theme") ? reader.at(top.get("theme")) : file.whole();
        Optional<Theme> theme = ThemeLoader.load(themeName, themeAt, workspace, diagnostics);
        List<Section> sections = sections(reader, top.get("sections"));
        return theme.map(t -> new BrochureContent(info, t, sections, images.all(), project, anchors)).orElse(null);
    }

    private DocumentInfo info(NodeReader reader, Map<String, Node> top, YamlFile file) {
        String title = opt(reader, top, "title").orElse("");
        String author = opt(reader, top, "author").orElse("");
        String subject = opt(reader, top, "subject").orElse("");
        List<String> keywords = keywords(reader, top.get("keywords"));
        String language = opt(reader, top, "language").orElse("en-US");
        if (!language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            diagnostics.error(reader.at(top.get("language")), "language '" + language + "' is not a language tag",
                    "use a BCP 47 tag such as en-US or de");
            // Reported once: later stages go on in the default language rather than warn about this one.
            language = "en-US";
        }
        Paper paper = opt(reader, top, "paper").flatMap(p -> paper(reader, top.get("paper"), p)).orElse(Paper.A4);
        LocalDate date = opt(reader, top, "date").flatMap(d -> date(reader, top.get("date"), d)).orElse(null);
        return new DocumentInfo(title, author, subject, keywords, language, paper, date, file.whole());
    }

    private Optional<String> opt(NodeReader reader, Map<String, Node> top, String key) {
        Node node = top.get(key);
        return node == null || NodeReader.isNull(node) ? Optional.empty() : reader.string(node, "'" + key + "'");
    }

    private List<String> keywords(NodeReader reader, Node node) {
        if (node == null || NodeReader.isNull(node)) {
            return List.of();
        }
        if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
            return reader.sequence(node, "keywords").orElse(List.of()).stream()
                    .map(n -> reader.string(n, "keyword")).flatMap(Optional::stream).toList();
        }
        return reader.string(node, "keywords")
                .map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList())
                .orElse(List.of());
    }

    private Optional<Paper> paper(NodeReader reader, Node node, String word) {
        try {
            return Optional.of(Paper.valueOf(word.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            diagnostics.error(reader.at(node), "unknown paper '" + word + "'", Suggestions.hint(word, Paper.names()));
            return Optional.empty();
        }
    }

    private Optional<LocalDate> date(NodeReader reader, Node node, String text) {
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                diagnostics.error(reader.at(node), "date '" + text + "' lies outside the years 1 to 9999, which a PDF"
                        + " date can record", "write it as YYYY-MM-DD");
                return Optional.empty();
            }
            return Optional.of(date);
        } catch (DateTimeParseException e) {
            diagnostics.error(reader.at(node), "date '" + text + "' is not a date", "write it as YYYY-MM-DD");
            return Optional.empty();
        }
    }

    private List<Section> sections(NodeReader reader, Node node) {
        List<Section> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        List<Node> refs = reader.sequence(node, "sections").orElse(List.of());
        if (refs.isEmpty() && node instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
            diagnostics.error(reader.at(node), "'sections' is empty", "list the section files, one per line: - sections/welcome.yaml");
        }
        // Where each file and each id was first listed, so a clash names both places.
        Map<Path, SourceLocation> files = new HashMap<>();
        Map<String, Listed> ids = new LinkedHashMap<>();
        long text = 0;
        for (Node ref : refs) {
            SourceLocation listedAt = reader.at(ref);
            Optional<String> written = reader.string(ref, "section file");
            Optional<Path> path = written.flatMap(r -> project.resolveContentFile(r, listedAt, diagnostics));
            if (path.isEmpty()) {
                written.ifPresent(r -> anchors.add(stem(r)));
                continue;
            }
            SourceLocation before = files.putIfAbsent(path.get(), listedAt);
            if (before != null) {
                diagnostics.error(listedAt, "'" + project.display(path.get()) + "' is listed twice in 'sections'"
                                + " (first at line " + before.line() + ")",
                        "each section appears once; to show it again, copy the file and give the copy its own 'id:'");
                continue;
            }
            long size = size(path.get());
            // A file over the limit for one file is reported as such when it is read.
            text += size <= YamlFile.MAX_BYTES ? size : 0;
            if (text > budget.textBytes()) {
                // Checked before the file is read: the sections after it are not read either.
                diagnostics.error(listedAt, "the sections up to this one hold " + MemoryBudget.size(text)
                                + " of text, more than the " + MemoryBudget.size(budget.textBytes()) + " one build may set"
                                + (MemoryBudget.boundByHeap(budget.textBytes(), MemoryBudget.MAX_TEXT_BYTES)
                                        ? " in " + budget.heap() : ""),
                        "split the brochure into several, or shorten the sections"
                                + (MemoryBudget.boundByHeap(budget.textBytes(), MemoryBudget.MAX_TEXT_BYTES)
                                        ? "; or give Java more memory (JAVA_TOOL_OPTIONS=-Xmx1g)" : ""));
                // Nothing goes on to layout and typesetting: setting what was read would cost the time
                // and memory the budget is there to bound, for a build that cannot be written anyway.
                out.clear();
                break;
            }
            section(path.get()).ifPresent(section -> {
                Listed first = ids.putIfAbsent(section.id(), new Listed(section.where().file(), listedAt));
                if (first != null) {
                    diagnostics.error(listedAt, "section id '" + section.id() + "' is used twice: by " + first.file()
                                    + " (listed at line " + first.at().line() + ") and by " + section.where().file()
                                    + " (listed at line " + listedAt.line() + ")",
                            "a section's id is its 'id:', else its file name; give one of them another 'id:'");
                }
                out.add(section);
            });
        }
        return out;
    }

    /** A section's id when it gives none: its file name without {@code .yaml}. */
    private static String stem(String file) {
        return file.replaceFirst("^.*/", "").replaceFirst("\\.ya?ml$", "");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0; // reading it reports the problem
        }
    }

    /** A section file and where brochure.yaml lists it. */
    private record Listed(String file, SourceLocation at) {
    }

    private Optional<Section> section(Path path) {
        String stem = stem(path.getFileName().toString());
        YamlFile file;
        try {
            file = YamlFile.read(path, project.display(path));
        } catch (BrochureException e) {
            diagnostics.addAll(e.diagnostics());
            anchors.add(stem);
            return Optional.empty();
        }
        NodeReader reader = new NodeReader(file.displayName(), diagnostics);
        if (file.isEmpty()) {
            diagnostics.error(file.whole(), "section file is empty", "start it with 'layout: <name>'");
            anchors.add(stem);
            return Optional.empty();
        }
        long errorsBefore = diagnostics.errorCount();
        Map<String, Node> raw = reader.mapping(file.root(), "section", null).orElse(null);
        if (raw == null) {
            anchors.add(stem);
            return Optional.empty();
        }
        String id = Optional.ofNullable(raw.get("id")).flatMap(n -> reader.string(n, "id")).orElse(stem);
        anchors.add(id);
        Node layoutNode = raw.get("layout");
        if (layoutNode == null) {
            diagnostics.error(reader.at(file.root()),
                    "section is missing the required key 'layout'",
                    "start the file with 'layout: <name>'; layouts: " + String.join(", ", layouts.available()));
            return Optional.empty();
        }
        Optional<String> layout = reader.string(layoutNode, "layout");
        Optional<SectionSchema> schema = layout.flatMap(name -> schema(name, reader.at(layoutNode)));
        if (schema.isEmpty()) {
            return Optional.empty();
        }
        FieldReader fields = new FieldReader(reader, images);
        Optional<Value.Fields> values = fields.readRecord(file.root(), schema.get().root(), "section", SECTION_KEYS);
        // The outline title is printed in running footers: set like a plain field.
        String title = Optional.ofNullable(raw.get("outline")).flatMap(n -> reader.string(n, "outline"))
                .map(InlineMarkup::plain)
                .or(() -> values.map(v -> v.get("title")).flatMap(ContentLoader::plainText))
                .orElse(id);
        Section.When when = Optional.ofNullable(raw.get("when")).flatMap(n -> when(reader, n)).orElse(null);
        String start = null;
        Node startNode = raw.get("start");
        if (startNode != null) {
            start = reader.string(startNode, "start").orElse(null);
            if (start != null && !STARTS.contains(start)) {
                diagnostics.error(reader.at(startNode), "start must be 'page' or 'continue', not '" + start + "'",
                        "'continue' sets the section on the page the section before it ended on; "
                                + Suggestions.hint(start, STARTS));
                start = null;
            }
        }
        String begin = start;
        if (diagnostics.errorCount() > errorsBefore) {
            // Its errors are reported; a layout run over what is left would only report them again.
            return Optional.empty();
        }
        return values.map(v -> new Section(id, layout.get(), title, v, reader.at(file.root()), begin, when));
    }

    /** {@code when: recipient.<field>}: the section is shown to readers who have that field. */
    private Optional<Section.When> when(NodeReader reader, Node node) {
        return reader.string(node, "'when'").flatMap(text -> {
            java.util.regex.Matcher m = WHEN.matcher(text.strip());
            if (!m.matches()) {
                diagnostics.error(reader.at(node), "'when' names a recipient field: 'when: recipient.<field>'",
                        "for example 'when: recipient.note' shows the section to readers with a note");
                return Optional.empty();
            }
            if (!dev.brochure.vocab.Recipient.FIELD_NAME.matcher(m.group(1)).matches()) {
                diagnostics.error(reader.at(node), "'" + m.group(1) + "' is not a field name",
                        "field names are lower case, with _ between words: recipient."
                                + dev.brochure.vocab.Recipient.fieldName(m.group(1)));
                return Optional.empty();
            }
            return Optional.of(new Section.When(m.group(1), reader.at(node)));
        });
    }

    private static Optional<String> plainText(Value value) {
        return switch (value) {
            case Value.Text t -> Optional.of(t.text().plainText());
            case Value.Plain p -> Optional.of(p.text());
            case null, default -> Optional.empty();
        };
    }

    private Optional<SectionSchema> schema(String layout, SourceLocation usedAt) {
        Optional<SectionSchema> known = schemas.computeIfAbsent(layout, name -> {
            try {
                return layouts.find(name + LayoutCatalog.SCHEMA).flatMap(f ->
                        SchemaReader.read(name, YamlFile.parse(f.displayName(), f.text()), diagnostics));
            } catch (BrochureException e) {
                diagnostics.addAll(e.diagnostics());
                unreadableLayouts.add(name);
                return Optional.empty();
            }
        });
        if (known.isEmpty() && !unreadableLayouts.contains(layout) && layouts.find(layout + LayoutCatalog.SCHEMA).isEmpty()) {
            diagnostics.error(usedAt, "unknown layout '" + layout + "'", Suggestions.hint(layout, layouts.available()));
        }
        return known;
    }
}
