package dev.brochure.layout;

import dev.brochure.world.LayoutCatalog;
import dev.brochure.world.ProjectFiles;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.WeakHashMap;

/**
 * The Freemarker configuration layouts run under. Templates are sandboxed: {@code ?new} can
 * instantiate nothing, {@code ?api} is off, and the object wrapper exposes only simple values,
 * so a template can reach no Java object beyond the content model. {@code .ftlx} templates use
 * the XML output format, so every interpolated value is escaped unless it is already markup
 * the content stage produced.
 */
final class TemplateConfig {

    private TemplateConfig() {
    }

    static Configuration create(ProjectFiles project) {
        return create(project, true);
    }

    /**
     * {@code recheck}: look at each template's file again on every use, so a long-running process
     * sees edits at once; without, a template is read once (a batch, whose copies must all be made
     * from the same templates, and which looks up the same few for every copy).
     */
    static Configuration create(ProjectFiles project, boolean recheck) {
        Configuration cfg = new InterruptibleConfiguration();
        cfg.setTemplateLoader(loader(project));
        sandbox(cfg);
        // Templates are compiled once per process and re-checked on every lookup, so a long-running
        // process (watch mode, batch) sees edits immediately.
        cfg.setTemplateUpdateDelayMilliseconds(recheck ? 0 : Long.MAX_VALUE);
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
     * Parses {@code source} as a template of {@code cfg} with the given output format, adding the
     * interruption checks {@link TemplateRunner} relies on (templates made here do not pass
     * through {@link InterruptibleConfiguration#getTemplate}).
     */
    static Template parse(Configuration cfg, String name, String source, freemarker.core.OutputFormat format)
            throws IOException {
        freemarker.core.TemplateConfiguration tc = new freemarker.core.TemplateConfiguration();
        tc.setParentConfiguration(cfg);
        tc.setOutputFormat(format);
        tc.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        Template template = new Template(name, name, new java.io.StringReader(source), cfg, tc, null);
        tc.apply(template);
        _CoreAPI.addThreadInterruptedChecks(template);
        return template;
    }

    /** The sandbox every template runs in, layouts and messages alike. */
    private static void sandbox(Configuration cfg) {
        cfg.setRecognizeStandardFileExtensions(true);
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
                    if (checked.add(template)) {
                        _CoreAPI.addThreadInterruptedChecks(template);
                    }
                }
            }
            return template;
        }
    }

    private static TemplateLoader loader(ProjectFiles project) {
        List<TemplateLoader> loaders = new ArrayList<>();
        if (Files.isDirectory(project.layoutsDir())) {
            try {
                // FileTemplateLoader refuses names that resolve outside its folder (symbolic links included).
                loaders.add(new FileTemplateLoader(project.layoutsDir().toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        loaders.add(new ClassTemplateLoader(TemplateConfig.class, "/" + LayoutCatalog.FOLDER));
        return new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
    }
}
