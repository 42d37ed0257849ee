package dev.brochure.cli;

import dev.brochure.inspect.preview.PageSelection;
import dev.brochure.inspect.preview.Preview;
import dev.brochure.inspect.preview.PreviewOptions;
import dev.brochure.inspect.preview.PreviewResult;
import dev.brochure.pipeline.BuildResult;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code brochure preview}: renders pages of a PDF to PNG files and a contact sheet. */
@Command(name = "preview", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Render pages of a PDF to PNG files (page-001.png, ...) and a contact sheet of them"
                + " (contact-sheet.png), without a PDF viewer.")
final class PreviewCommand extends Subcommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ContentOptions content;

    @Parameters(arity = "0..1", paramLabel = "PDF", defaultValue = "out/brochure.pdf",
            description = "The PDF to preview (default: ${DEFAULT-VALUE}).")
    Path pdf;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/preview",
            description = "Where to write the PNG files (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "110",
            description = "Resolution of the page images (default: ${DEFAULT-VALUE}).")
    float dpi;

    @Option(names = "--pages", paramLabel = "1-3,7", defaultValue = "all", converter = PagesConverter.class,
            description = "Pages to render: numbers and ranges such as 1-3,7 or 5- (default: all).")
    PageSelection pages;

    @Option(names = "--build", description = "Build the content folder (--content) to the PDF first.")
    boolean build;

    @Override
    public Integer call() {
        if (!(dpi >= PreviewOptions.MIN_DPI && dpi <= PreviewOptions.MAX_DPI)) {
            throw usageError(String.format(Locale.ROOT,
                    "--dpi must be from %.0f to %.0f, not %s", PreviewOptions.MIN_DPI, PreviewOptions.MAX_DPI, dpi));
        }
        if (build) {
            BuildResult built = context().pipeline().build(content.request(pdf), Feedback.lines(context(), common));
            context().report(built.warnings());
            context().out().printf(Locale.ROOT, "wrote %s (%d pages, %s)%n", pdf, built.pages(), Sizes.human(built.bytes()));
        }
        long start = System.nanoTime();
        PreviewResult result;
        try (Feedback.Steps steps = Feedback.steps(context(), common, "pages")) {
            result = Preview.write(pdf, new PreviewOptions(out, dpi, pages), steps.onStep());
        }
        context().out().printf(Locale.ROOT, "wrote %d page image%s and %s to %s (%.0f dpi) in %.2f s%n",
                result.pages().size(), result.pages().size() == 1 ? "" : "s", Preview.CONTACT_SHEET, out, dpi,
                (System.nanoTime() - start) / 1e9);
        return ExitCode.OK;
    }

    /** Parses --pages; a bad selection is a usage error (exit 2) with the parser's explanation. */
    static final class PagesConverter implements CommandLine.ITypeConverter<PageSelection> {
        @Override
        public PageSelection convert(String value) {
            try {
                return PageSelection.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
