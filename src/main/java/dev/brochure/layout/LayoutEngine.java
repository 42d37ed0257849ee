package dev.brochure.layout;

import dev.brochure.world.Builtins;
import dev.brochure.world.ImageCatalog;
import dev.brochure.world.LayoutCatalog;
import dev.brochure.world.ProjectFiles;
import dev.brochure.world.Workspace;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.vocab.ImageRef;
import dev.brochure.content.model.Section;
import dev.brochure.vocab.MasterSpec;
import dev.brochure.vocab.Recipient;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostics;
import dev.brochure.diag.Staged;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.layout.Markup.Element;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * The layout stage: runs each section's layout descriptor (a Freemarker template) over its
 * content and reads the produced markup into a {@link LayoutDocument}. Compiled templates are
 * kept in the workspace ({@link TemplateConfig#forProject}), so repeated builds compile nothing
 * again, and an edited template is compiled again.
 */
public final class LayoutEngine {

    private final Workspace workspace;
    private final ProjectFiles project;
    private final Configuration freemarker;
    private final TemplateRunner.Limits limits;
    /** The threads templates run on, the workspace's (every engine of a batch or a watch session shares them). */
    private final TemplateRunner.Workers workers;
    /** One XML reader factory per thread that lays out with this engine (copies of a batch run on several). */
    private final ThreadLocal<javax.xml.stream.XMLInputFactory> xml = ThreadLocal.withInitial(Markup::factory);

    public LayoutEngine(Workspace workspace) {
        this(workspace, TemplateRunner.Limits.DEFAULT);
    }

    LayoutEngine(Workspace workspace, TemplateRunner.Limits limits) {
        this.workspace = workspace;
        this.project = workspace.project();
        this.limits = limits;
        this.freemarker = TemplateConfig.forProject(workspace);
        this.workers = workspace.slot(TemplateRunner.Workers.class, TemplateRunner.Workers::new);
    }

    /**
     * An engine for the copies of one batch, on several threads at once: the workspace's
     * templates, compiled once for every copy.
     */
    public static LayoutEngine forBatch(Workspace workspace) {
        return new LayoutEngine(workspace, TemplateRunner.Limits.DEFAULT);
    }

    /**
     * Lays out every section. A section whose layout has an error is left out of the document
     * (its errors are among the diagnostics), so that typesetting can still check the others.
     */
    public Staged<LayoutDocument> layout(BrochureContent content) {
        Diagnostics diagnostics = new Diagnostics();
        ImageCatalog extraImages = new ImageCatalog(workspace, diagnostics);
        List<LayoutSection> sections = new ArrayList<>();
        for (Section section : content.sections()) {
            long errorsBefore = diagnostics.errorCount();
            Optional<LayoutSection> laid = run(section, content, diagnostics, extraImages);
            if (diagnostics.errorCount() == errorsBefore) {
                laid.ifPresent(sections::add);
            }
        }
        return diagnostics.result(new LayoutDocument(content.info(), content.theme(), sections));
    }

    /**
     * Lays out the copy of one reader: templates see {@code recipient}'s fields as
     * {@code recipient.<field>}. Sections that {@code reuse} already laid out for an earlier
     * copy, and whose templates did not look at the reader, are not run again.
     */
    public Staged<LayoutDocument> layout(BrochureContent content, Recipient recipient, SectionReuse reuse) {
        Diagnostics diagnostics = new Diagnostics();
        List<LayoutSection> sections = new ArrayList<>();
        for (Section section : content.sections()) {
            SectionReuse.Laid laid = reuse.find(section, content.anchors());
            if (laid == null) {
                // Its own diagnostics and images, so that what it raised can be handed to every copy that reuses it.
                Diagnostics own = new Diagnostics();
                AtomicBoolean readRecipient = new AtomicBoolean();
                Optional<LayoutSection> run = run(section, content, own, new ImageCatalog(workspace, own), recipient,
                        readRecipient);
                laid = reuse.remember(section, content.anchors(),
                        new SectionReuse.Laid(own.hasErrors() ? Optional.empty() : run, own.all()), readRecipient.get());
            }
            diagnostics.addAll(laid.diagnostics());
            laid.section().ifPresent(sections::add);
        }
        return diagnostics.result(new LayoutDocument(content.info(), content.theme(), sections));
    }

    private Optional<LayoutSection> run(Section section, BrochureContent content, Diagnostics diagnostics,
            ImageCatalog extraImages) {
        return run(section, content, diagnostics, extraImages, Recipient.NONE, new AtomicBoolean());
    }

    /** Runs a section's template for {@code recipient}; {@code readRecipient} is set if it looked at the reader. */
    private Optional<LayoutSection> run(Section section, BrochureContent content, Diagnostics diagnostics,
            ImageCatalog extraImages, Recipient recipient, AtomicBoolean readRecipient) {
        String templateName = section.layout() + LayoutCatalog.TEMPLATE;
        SourceLocation templateAt = SourceLocation.of(displayName(templateName));
        String xml;
        String raw;
        SourceTable sources;
        TemplateOrigins origins;
        try {
            Path own = project.layoutsDir().resolve(templateName);
            if (Files.exists(own, LinkOption.NOFOLLOW_LINKS)) {
                project.checkInside(own, project.layoutsDir());
                ProjectFiles.checkRegular(own);
            }
            Template template = TemplateRunner.load(() -> freemarker.getTemplate(templateName), limits, workers);
            TemplateRunner.Output output = new TemplateRunner.Output(limits.outputChars());
            sources = new SourceTable(output);
            ContentModels models = new ContentModels(sources, recipient);
            try {
                raw = TemplateRunner.run(template, models.root(section, content.info()), limits, output, workers);
            } finally {
                readRecipient.set(models.readRecipient());
            }
            xml = sources.marked(raw);
            origins = output.origins();
        } catch (TemplateRunner.Stopped e) {
            diagnostics.error(templateAt, e.getMessage() + " while setting " + section.where().file(), e.hint);
            return Optional.empty();
        } catch (BrochureException e) {
            diagnostics.addAll(e.diagnostics());
            return Optional.empty();
        } catch (TemplateNotFoundException e) {
            diagnostics.error(section.where(), "layout '" + section.layout() + "' has a schema but no template "
                    + templateName, "add layouts/" + templateName + " beside its schema");
            return Optional.empty();
        } catch (TemplateChecks.Refused e) {
            diagnostics.error(new SourceLocation(displayName(e.getTemplateName()), e.getLineNumber(),
                    e.getColumnNumber()), "layout template: " + whole(e.getEditorMessage()), e.hint());
            return Optional.empty();
        } catch (ParseException e) {
            diagnostics.error(new SourceLocation(displayName(e.getTemplateName()), e.getLineNumber(),
                    e.getColumnNumber()), "layout template syntax error: " + whole(e.getEditorMessage()),
                    "see the Freemarker manual for directive syntax");
            return Optional.empty();
        } catch (TemplateException e) {
            diagnostics.error(new SourceLocation(displayName(e.getTemplateSourceName()),
                            e.getLineNumber() == null ? 0 : e.getLineNumber(),
                            e.getColumnNumber() == null ? 0 : e.getColumnNumber()),
                    "layout template failed while setting " + section.where().file() + ": " + summary(e),
                    e.getBlamedExpressionString() == null ? null
                            : "check '" + shorten(e.getBlamedExpressionString(), 120)
                                    + "'; guard optional fields with ?? or !\"\"");
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.error(templateAt, "cannot read layout template: " + e.getMessage(), null);
            return Optional.empty();
        } catch (SecurityException e) {
            // Freemarker's file loader refuses a template that links to a file outside layouts/.
            diagnostics.error(templateAt, "a template included while setting " + section.where().file()
                    + " is a link to a file outside the layouts folder", "copy the file into layouts/ instead of linking to it");
            return Optional.empty();
        }
        SourceTable table = sources;
        TemplateOrigins written = origins;
        IntFunction<SourceLocation> placeAt = offset -> offset < 0 ? templateAt
                : written.at(table.unmarked(offset), raw, this::displayName).orElse(templateAt);
        return read(xml, this.xml.get(), sources, section, content, templateAt, placeAt, diagnostics, extraImages);
    }

    /**
     * The markup a template produced, read into a section; its marks name values of
     * {@code sources}. Problems go to {@code diagnostics}.
     */
    static Optional<LayoutSection> read(String xml, SourceTable sources, Section section, BrochureContent content,
            SourceLocation templateAt, Diagnostics diagnostics, ImageCatalog extraImages) {
        return read(xml, Markup.factory(), sources, section, content, templateAt, offset -> templateAt, diagnostics,
                extraImages);
    }

    /**
     * As above, parsing with {@code factory}; {@code placeAt} tells where in the templates the
     * character at an offset of {@code xml} was written, so that problems are reported at the
     * template's line and column.
     */
    static Optional<LayoutSection> read(String xml, javax.xml.stream.XMLInputFactory factory, SourceTable sources,
            Section section, BrochureContent content, SourceLocation templateAt, IntFunction<SourceLocation> placeAt,
            Diagnostics diagnostics,
            ImageCatalog extraImages) {
        Element root;
        try {
            root = Markup.parse(xml, factory);
        } catch (Markup.MalformedException e) {
            diagnostics.error(placeAt.apply(offsetOf(xml, e.line, e.column)),
                    "layout produced malformed markup at output line " + e.line
                            + " while setting " + section.where().file() + ": " + e.getMessage(),
                    "output line " + e.line + " is: " + excerpt(outputLine(xml, e.line), e.column)
                            + (e.getMessage() != null && e.getMessage().contains("attribute")
                                    ? " (a text field used inside an attribute needs plain(...))" : ""));
            return Optional.empty();
        }
        String context = " (setting " + section.where().file() + ")";
        AttributeReader attrs = new AttributeReader(content.theme(), diagnostics,
                e -> placeAt.apply(e.offset()), context);
        BlockReader reader = new BlockReader(content.theme(), attrs,
                ref -> image(ref, content, extraImages, templateAt), sources, content.anchors(), section.where());
        if (!root.name().equals("section")) {
            attrs.error(root, "a layout must produce one <section> element", "wrap the layout in <section>...</section>");
            return Optional.empty();
        }
        attrs.only(root, List.of("master", "start", "columns", "gap", "feather"));
        MasterSpec master = reader.master(root, attrs.string(root, "master").orElse("body"));
        String start = attrs.string(root, "start").filter(s -> !s.isEmpty()).orElse("page");
        if (!start.equals("page") && !start.equals("continue")) {
            attrs.error(root, "start must be 'page' or 'continue'", null);
        }
        // The section's own file has the last word on how it starts.
        if (section.start() != null) {
            start = section.start();
        }
        List<Block> blocks = reader.blocks(root);
        int columns = attrs.integer(root, "columns", master.columns(), 1, 6);
        if (columns > 1) {
            blocks = List.of(new Block.Columns(columns, attrs.points(root, "gap", master.gutter()), blocks, section.where()));
        }
        return Optional.of(new LayoutSection(section.id(), section.title(), master, start.equals("page"), blocks,
                section.where(), templateAt.file(), attrs.points(root, "feather", 0)));
    }

    /** An image named in the layout: one the content referred to, or one the template names itself. */
    private static Optional<ImageRef> image(String ref, BrochureContent content, ImageCatalog extra,
            SourceLocation templateAt) {
        ImageRef known = content.images().get(ref);
        return known != null ? Optional.of(known) : extra.resolve(ref, templateAt);
    }

    private String displayName(String templateName) {
        if (templateName == null) {
            return "layout";
        }
        var own = project.layoutsDir().resolve(templateName);
        return Files.isRegularFile(own) ? project.display(own)
                : Builtins.displayName(LayoutCatalog.FOLDER, templateName);
    }

    /**
     * What went wrong, in one line. Freemarker wraps the real reason (a refused {@code ?new}, an
     * include not found) in a general one ("Template inclusion failed:"), so the innermost
     * template or I/O error is shown; a first line ending in a colon takes the line after it.
     * (The rest of a run-time error's message is tips and the loader's workings.)
     */
    static String summary(TemplateException e) {
        Throwable root = e;
        while (root.getCause() instanceof TemplateException || root.getCause() instanceof IOException) {
            root = root.getCause();
        }
        String text = root instanceof TemplateException te ? te.getMessageWithoutStackTop() : root.getMessage();
        List<String> lines = (text == null ? "" : text).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("---")).toList();
        if (lines.isEmpty()) {
            return "unknown problem";
        }
        String line = lines.getFirst().endsWith(":") && lines.size() > 1
                ? lines.getFirst() + " " + lines.get(1) : lines.getFirst();
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }

    /** The most a template error's message may take; Freemarker's lists of choices can be long. */
    static final int MAX_MESSAGE = 800;
    /** The most choices of a list ("was expecting one of these patterns:") shown. */
    static final int MAX_CHOICES = 16;

    /**
     * Freemarker's whole message on one line: its lines joined, the lines of a list that a line
     * ending in a colon introduces joined by commas (at most {@link #MAX_CHOICES}, then how many
     * more), its "----" rules and its "FTL stack trace" left out (the place is the diagnostic's
     * own), bounded to {@link #MAX_MESSAGE} characters.
     */
    static String whole(String message) {
        if (message == null || message.isBlank()) {
            return "unknown problem";
        }
        List<String> lines = new ArrayList<>();
        for (String line : message.lines().toList()) {
            String l = line.strip();
            if (l.startsWith("FTL stack trace") || l.startsWith("- Failed at:") || l.startsWith("~ Reached through:")) {
                break;
            }
            if (!l.isEmpty() && !l.startsWith("----")) {
                lines.add(l);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(line);
            if (line.endsWith(":") && i + 1 < lines.size() && isChoice(lines.get(i + 1))) {
                List<String> choices = new ArrayList<>();
                while (i + 1 < lines.size() && isChoice(lines.get(i + 1))) {
                    choices.add(lines.get(++i));
                }
                out.append(' ').append(String.join(", ", choices.subList(0, Math.min(MAX_CHOICES, choices.size()))));
                if (choices.size() > MAX_CHOICES) {
                    out.append(", ... (").append(choices.size() - MAX_CHOICES).append(" more)");
                }
            }
        }
        String text = out.toString();
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE - 3) + "..." : text;
    }

    /** A line of a list of choices: one token or pattern, such as {@code <STRING_LITERAL>} or {@code "#if"}. */
    private static boolean isChoice(String line) {
        return !line.contains(" ") || line.startsWith("<") || line.startsWith("\"");
    }

    private static final int EXCERPT = 160;

    /**
     * A line of output short enough for a hint: the part around {@code column} (from 1; 0 when
     * unknown) when the line is long, with what was left out said in words.
     */
    static String excerpt(String line, int column) {
        if (line.strip().length() <= EXCERPT) {
            return line.strip();
        }
        int at = Math.max(0, Math.min(line.length(), column) - 1);
        int from = Math.max(0, Math.min(at - EXCERPT / 2, line.length() - EXCERPT));
        int to = Math.min(line.length(), from + EXCERPT);
        return (from > 0 ? "[" + from + " characters] ..." : "") + line.substring(from, to)
                + (to < line.length() ? "... [" + (line.length() - to) + " more characters]" : "");
    }

    private static String shorten(String text, int max) {
        String one = text.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }

    /** The offset of {@code line} and {@code column} (from 1; 0: the line's start) in {@code text}; -1 if none. */
    static int offsetOf(String text, int line, int column) {
        if (line <= 0) {
            return -1;
        }
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = text.indexOf('\n', at) + 1;
            if (at == 0) {
                return -1;
            }
        }
        return Math.min(text.length(), at + Math.max(0, column - 1));
    }

    private static String outputLine(String text, int line) {
        return text.lines().skip(Math.max(0, line - 1)).findFirst().orElse("");
    }
}
