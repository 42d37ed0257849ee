package dev.brochure.cli;

import dev.brochure.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code brochure validate}: checks content, theme and layouts without writing a PDF. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check the content, theme and layouts (and that everything fits) without writing a PDF.")
final class ValidateCommand extends Subcommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ContentOptions content;

    @Option(names = "--format", paramLabel = "text|json|sarif", defaultValue = "text",
            description = "text (default: problems on standard error), json (one document on standard output, "
                    + "shape in the README) or sarif (SARIF 2.1.0 for code scanning, on standard output).")
    Format format;

    @Override
    public Integer call() {
        if (format == Format.TEXT) {
            Pipeline.Checked result = context().pipeline().check(content.request(Path.of("unused.pdf")));
            context().report(result.warnings());
            context().out().printf("%s: ok (%d sections, %d pages)%n", content.content,
                    result.sections(), result.pages());
            return ExitCode.OK;
        }
        Attempt<Pipeline.Checked> checked = attempt(
                () -> context().pipeline().check(content.request(Path.of("unused.pdf"))), Pipeline.Checked::warnings);
        return printDocument(format == Format.JSON
                ? Results.validate(content.content, checked.result(), checked.diagnostics())
                : Sarif.validate(checked.diagnostics()), checked.result() != null);
    }
}
