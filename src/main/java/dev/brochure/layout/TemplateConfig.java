package dev.brochure.layout;

import dev.brochure.world.LayoutCatalog;
import dev.brochure.world.FileStamp;
import dev.brochure.world.ProjectFiles;
import dev.brochure.world.Workspace;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Freemarker configuration layouts run under. Templates are sandboxed: {@code ?new} can
 * instantiate nothing, {@code ?api} is off, and the object wrapper exposes only simple values,
 * so a template can reach no Java object beyond the content model. {@code .ftlx} templates use
 * the XML output format, so every interpolated value is escaped unless it is already markup
 * the content stage produced. Every template loaded (includes and imports too) is checked by
 * {@link TemplateChecks}: it can read neither the clock nor the machine's locale or time zone.
 */
final class TemplateConfig {

    /**
     * The layout stage's slot in the workspace: a configuration, with the templates it compiled,
     * per layouts folder. Freemarker checks a template's stamp (see {@link StampedFileLoader})
     * on every lookup and compiles an edited one again.
     */
    private static final class Compiled {
        private final Map<Path, Configuration> byFolder = new ConcurrentHashMap<>();
    }

    private TemplateConfig() {
    }

    /** The configuration of the workspace's project, with the templates compiled so far. */
    static Configuration forProject(Workspace workspace) {
        ProjectFiles project = workspace.project();
        // A layouts/ folder made since is a new key: its configuration has a loader for it.
        Path key = project.layoutsDir().resolve(Files.isDirectory(project.layoutsDir()) ? "." : "-");
        return workspace.slot(Compiled.class, Compiled::new).byFolder.computeIfAbsent(key, k -> create(project));
    }

    static Configuration create(ProjectFiles project) {
        Configuration cfg = new InterruptibleConfiguration();
        cfg.setTemplateLoader(loader(project));
        sandbox(cfg);
        // Templates are compiled once per workspace and their stamps re-checked on every lookup, so a
        // long-running process (watch mode, batch) sees edits immediately.
        cfg.setTemplateUpdateDelayMilliseconds(0);
        return cfg;
    }

    /**
     * The configuration of e-mail message templates ({@link MessageTemplate}): the same sandbox,
     * and no template loader, so a message can include or import nothing.
     */
    static Configuration forMessages() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_35);
        cfg.setTemplateLoader(null);
        sandbox(cfg);
        return cfg;
    }

    /**
     * Parses {@code source} as a template of {@code cfg} with the given output format, checks it
     * as every layout template is checked ({@link TemplateChecks}: no clock, no machine locale or
     * time zone, no code made at run time) and adds the interruption checks {@link TemplateRunner}
     * relies on (templates made here do not pass through {@link InterruptibleConfiguration#getTemplate}).
     */
    static Template parse(Configuration cfg, String name, String source, freemarker.core.OutputFormat format)
            throws IOException {
        freemarker.core.TemplateConfiguration tc = new freemarker.core.TemplateConfiguration();
        tc.setParentConfiguration(cfg);
        tc.setOutputFormat(format);
        tc.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        Template template = new Template(name, name, new java.io.StringReader(source), cfg, tc, null);
        tc.apply(template);
        TemplateChecks.check(template);
        _CoreAPI.addThreadInterruptedChecks(template);
        return template;
    }

    /** The sandbox every template runs in, layouts and messages alike. */
    private static void sandbox(Configuration cfg) {
        cfg.setRecognizeStandardFileExtensions(true);
        // Columns in error messages count characters, as the excerpts under them do.
        cfg.setTabSize(1);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_35));
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setAttemptExceptionReporter((te, env) -> { });
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocalizedLookup(false);
        cfg.setLocale(Locale.ROOT);
        cfg.setNumberFormat("computer");
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setDefaultEncoding("UTF-8");
    }

    /**
     * Puts a check of the thread's interrupted flag into every loop of every template it loads
     * (includes and imports too, as they are loaded through here), so that {@link TemplateRunner}
     * can stop a template that runs too long. Freemarker offers this only through its internal
     * {@code _CoreAPI} (its online template tester uses it); the version is pinned in the pom and
     * {@code TemplateSandboxTest} fails if the checks stop working. The checks change the parsed
     * template, so they are added exactly once, before the template is handed to anyone.
     */
    private static final class InterruptibleConfiguration extends Configuration {
        private final Set<Template> checked = Collections.newSetFromMap(new WeakHashMap<>());

        InterruptibleConfiguration() {
            super(Configuration.VERSION_2_3_35);
        }

        @Override
        public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
                boolean parseAsFTL, boolean ignoreMissing) throws IOException {
            Template template = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL,
                    ignoreMissing);
            if (template != null) {
                synchronized (checked) {
                    if (!checked.contains(template)) {
                        // A refused template is not marked checked: every later lookup refuses it again.
                        TemplateChecks.check(template);
                        _CoreAPI.addThreadInterruptedChecks(template);
                        checked.add(template);
                    }
                }
            }
            return template;
        }
    }

    /** More than any hand-written layout; Freemarker takes seconds to parse a template of a megabyte. */
    static final long MAX_TEMPLATE_BYTES = 256 * 1024;

    private static TemplateLoader loader(ProjectFiles project) {
        List<TemplateLoader> loaders = new ArrayList<>();
        if (Files.isDirectory(project.layoutsDir())) {
            try {
                // FileTemplateLoader refuses names that resolve outside its folder (symbolic links included).
                loaders.add(new StampedFileLoader(project.layoutsDir().toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        loaders.add(new ClassTemplateLoader(TemplateConfig.class, "/" + LayoutCatalog.FOLDER));
        return new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
    }

    /**
     * The project's layouts folder. Freemarker compiles a template again when its loader reports
     * another "last modified" value; this loader reports the file's stamp (size and modification
     * time to the nanosecond) folded into one number, so an edit that keeps the millisecond, or the
     * time, is seen too. It refuses a template too large to be a layout before parsing it.
     */
    private static final class StampedFileLoader extends FileTemplateLoader {
        StampedFileLoader(File folder) throws IOException {
            super(folder);
        }

        @Override
        public Reader getReader(Object source, String encoding) throws IOException {
            if (source instanceof File file && file.length() > MAX_TEMPLATE_BYTES) {
                throw new IOException("'" + file.getName() + "' is " + file.length() / 1024 + " KB, more than the "
                        + MAX_TEMPLATE_BYTES / 1024 + " KB a layout template may have");
            }
            return super.getReader(source, encoding);
        }

        @Override
        public long getLastModified(Object templateSource) {
            File file = (File) templateSource;
            try {
                FileStamp stamp = FileStamp.of(file.toPath());
                return stamp.modifiedNanos() * 31 + stamp.size();
            } catch (IOException e) {
                return super.getLastModified(templateSource);
            }
        }
    }
}
