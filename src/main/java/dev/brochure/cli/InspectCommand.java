package dev.brochure.cli;

import dev.brochure.inspect.Inspector;
import dev.brochure.inspect.report.InspectReport;
import dev.brochure.inspect.report.ReportJson;
import dev.brochure.inspect.report.ReportText;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code brochure inspect}: reports what is in a PDF, as text or as JSON. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Report a PDF's pages and boxes, fonts, images (with their effective ppi), links, outline,"
                + " metadata and glyphs that cannot be shown or extracted. Works on any PDF.")
final class InspectCommand extends Subcommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..1", paramLabel = "FILE", defaultValue = "out/brochure.pdf",
            description = "The PDF to inspect (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--json", description = "Write one JSON document (shape documented in the README) instead of text.")
    boolean json;


    @Override
    public Integer call() {
        InspectReport report = Inspector.inspect(file);
        if (json) {
            ReportJson.write(report, context().out());
        } else {
            ReportText.write(report, context().out());
        }
        return ExitCode.OK;
    }
}
