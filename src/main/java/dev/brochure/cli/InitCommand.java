package dev.brochure.cli;

import dev.brochure.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code brochure init}: a new content project that builds at once. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Start a new brochure project in DIR (a new or empty folder; the current folder by default): "
                + "brochure-content/ with brochure.yaml, sections, a theme and the JSON Schemas its YAML files name "
                + "on their first line, the images it uses, and a README for the author. 'brochure build' in DIR "
                + "then writes out/brochure.pdf.",
                "Refuses a folder that is not empty, and writes nothing when it fails."})
final class InitCommand extends Subcommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The new project's folder (default: the current folder).")
    Path dir;

    @Option(names = "--example", paramLabel = "optml|minimal", defaultValue = "optml",
            completionCandidates = ExampleWords.class,
            description = "What to start from: optml (the OPTML group's brochure, 15 sections with images; the "
                    + "default) or minimal (three short sections, no images).")
    String example;

    /** The examples as written on the command line, for completion. */
    static final class ExampleWords implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Pipeline.examples().iterator();
        }
    }

    @Override
    public Integer call() {
        if (!Pipeline.examples().contains(example)) {
            throw usageError("unknown example '" + example
                    + "'; choose one of: " + String.join(", ", Pipeline.examples()));
        }
        List<Path> written = context().pipeline().init(dir, example);
        String where = dir.toString();
        context().out().printf("created a brochure project in %s from the %s example (%d files)%n", where, example, written.size());
        context().out().println("Next:");
        if (!dir.normalize().toString().isEmpty() && !dir.normalize().equals(Path.of("."))) {
            context().out().println("  cd " + where);
        }
        context().out().println("  brochure build        # writes out/brochure.pdf");
        context().out().println("  see README.md for what is where");
        return ExitCode.OK;
    }
}
