package dev.brochure.cli;

import dev.brochure.vocab.Paper;
import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.BuildResult;
import dev.brochure.pipeline.OutputProfile;
import java.nio.file.Path;
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

    @Option(names = "--archive", description = "Make an archival PDF: PDF/A-2a (sRGB output intent, XMP "
            + "identification) as well as PDF/UA-1, which every PDF is. Not with --profile print (PDF/X-4).")
    boolean archive;

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
            throw usageError("-o needs a file name, for example out/brochure.pdf");
        }
        if (format == Format.SARIF) {
            throw usageError("build writes text or json; SARIF is for validate and verify");
        }
        if (archive && profile.pdfx()) {
            throw usageError("--archive (PDF/A, sRGB output intent) cannot be combined with --profile print (PDF/X-4, "
                    + "FOGRA39 CMYK output intent); build the print file and the archival file separately");
        }
        long start = System.nanoTime();
        BuildRequest request = content.request(output).withPaper(paper).withProfile(profile, strict)
                .withMaxSize(maxSize == null ? 0 : maxSize).withArchive(archive);
        if (format == Format.JSON) {
            Attempt<BuildResult> built = attempt(() -> context().pipeline().build(request), BuildResult::warnings);
            return printDocument(Results.build(content.content, output, profile.word(), built.result(),
                    built.diagnostics(), (System.nanoTime() - start) / 1e9), built.result() != null);
        }
        BuildResult result = context().pipeline().build(request, Feedback.lines(context(), common));
        context().report(result.warnings());
        context().out().printf(Locale.ROOT, "wrote %s (%d pages, %s, %s profile%s%s) in %.2f s%n", output, result.pages(),
                Sizes.human(result.bytes()), profile.word(), result.imageSettings(), archive ? ", PDF/A-2a" : "",
                (System.nanoTime() - start) / 1e9);
        if (timings) {
            context().out().println("stages: " + result.times());
        }
        return ExitCode.OK;
    }
}
