package dev.brochure.cli;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.pipeline.JsonTree;
import dev.brochure.vocab.Paper;
import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.BuildResult;
import dev.brochure.pipeline.OutputProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code brochure build}: renders the content project to a PDF. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Render the content folder to a PDF (written atomically).")
final class BuildCommand extends Subcommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ContentOptions content;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "out/brochure.pdf",
            description = "Where to write the PDF (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--paper", paramLabel = "A4|LETTER",
            description = "Trim size, overriding brochure.yaml: ${COMPLETION-CANDIDATES}.")
    Paper paper;

    @Option(names = "--profile", paramLabel = "screen|print|email", defaultValue = "screen",
            completionCandidates = ProfileWords.class,
            description = "Output profile: screen (default), print (3 mm bleed, crop marks, 300 ppi check) "
                    + "or email (small file).")
    OutputProfile profile;

    @Option(names = "--strict", description = "Treat preflight warnings (such as low image resolution) as errors.")
    boolean strict;

    @Option(names = "--max-size", paramLabel = "SIZE", converter = Sizes.class,
            description = "Size budget (e.g. 2MB): image resolution and JPEG quality are lowered as far as needed; "
                    + "fails if even the smallest setting does not fit.")
    Long maxSize;

    @Option(names = "--timings", description = "Print how long each stage took.")
    boolean timings;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one document on standard output (shape in the README), "
                    + "warnings and errors inside it.")
    Format format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;


    /** The profiles as they are written on the command line, for completion. */
    static final class ProfileWords implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(OutputProfile.values()).map(OutputProfile::word).iterator();
        }
    }

    @Override
    public Integer call() {
        if (output.toString().isBlank()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "-o needs a file name, for example out/brochure.pdf");
        }
        if (format == Format.SARIF) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "build writes text or json; SARIF is for validate and verify");
        }
        long start = System.nanoTime();
        BuildRequest request = content.request(output).withPaper(paper).withProfile(profile, strict)
                .withMaxSize(maxSize == null ? 0 : maxSize);
        if (format == Format.JSON) {
            BuildResult result = null;
            List<Diagnostic> diagnostics;
            try {
                result = context().pipeline().build(request);
                diagnostics = result.warnings();
            } catch (BrochureException e) {
                diagnostics = e.diagnostics();
            }
            context().out().print(JsonTree.write(Results.build(content.content, output, profile.word(), result,
                    diagnostics, (System.nanoTime() - start) / 1e9)));
            context().out().flush();
            return result == null ? ExitCode.USER_ERROR : ExitCode.OK;
        }
        BuildResult result = context().pipeline().build(request);
        context().report(result.warnings());
        context().out().printf(Locale.ROOT, "wrote %s (%d pages, %s, %s profile%s) in %.2f s%n", output, result.pages(),
                Sizes.human(result.bytes()), profile.word(), result.imageSettings(), (System.nanoTime() - start) / 1e9);
        if (timings) {
            context().out().println("stages: " + result.times());
        }
        return ExitCode.OK;
    }
}
