package dev.brochure.cli;

import dev.brochure.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code brochure validate}: checks content, theme and layouts without writing a PDF. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check the content, theme and layouts (and that everything fits) without writing a PDF.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ContentOptions content;

    private final Context context;

    ValidateCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Pipeline.Checked result = context.pipeline().check(content.request(Path.of("unused.pdf")));
        context.report(result.warnings());
        context.out().printf("%s: ok (%d sections, %d pages)%n", content.content,
                result.sections(), result.pages());
        return ExitCode.OK;
    }
}
