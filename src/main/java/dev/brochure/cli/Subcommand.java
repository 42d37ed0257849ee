package dev.brochure.cli;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.pipeline.JsonTree;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command under {@code brochure}. Commands have no-argument constructors (so picocli's own
 * tools, such as {@code AutoComplete}, can create them) and reach the invocation's streams and
 * pipeline through the {@link Main} they run under.
 */
abstract class Subcommand {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    Context context() {
        return main.context();
    }

    /**
     * A usage error of this command, to throw: {@link Main} prints the message and a pointer to
     * {@code --help} and exits with {@link ExitCode#USAGE}.
     */
    ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** What a machine-readable run found: its result (null when the input had errors) and its diagnostics. */
    record Attempt<T>(T result, List<Diagnostic> diagnostics) {
    }

    /**
     * Runs {@code work} for a machine-readable document: the result and its warnings, or, when the
     * input has errors, no result and the errors (instead of letting {@link Main} print them as lines).
     */
    static <T> Attempt<T> attempt(Supplier<T> work, Function<T, List<Diagnostic>> warnings) {
        try {
            T result = work.get();
            return new Attempt<>(result, warnings.apply(result));
        } catch (BrochureException e) {
            return new Attempt<>(null, e.diagnostics());
        }
    }

    /** Prints a machine-readable document on standard output; the exit code is OK when {@code ok}, else USER_ERROR. */
    int printDocument(Object document, boolean ok) {
        context().out().print(JsonTree.write(document));
        context().out().flush();
        return ok ? ExitCode.OK : ExitCode.USER_ERROR;
    }
}
