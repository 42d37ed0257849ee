package dev.brochure.cli;

import dev.brochure.diag.BrochureException;
import dev.brochure.pipeline.Pipeline;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code brochure} command. Parses arguments, runs the subcommand, and maps what happened
 * to an exit code: 0 ok, 1 user-fixable errors (reported as {@code path:line:column: message}),
 * 2 usage errors, 3 internal errors (stack trace only with {@code --debug}).
 */
@Command(name = "brochure", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turns YAML content into a typeset, image-rich PDF brochure.",
        subcommands = {BuildCommand.class, ValidateCommand.class, WatchCommand.class, PreviewCommand.class, InspectCommand.class,
                VerifyCommand.class, TypographyCommand.class, BatchCommand.class, MailCommand.class,
                LayoutsCommand.class, StylesCommand.class, ColorsCommand.class, FontsCommand.class, SchemaCommand.class,
                InitCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Context context;

    /** The command on the process's own streams; picocli's tools (completion, man pages) create it so. */
    public Main() {
        this(Context.system());
    }

    Main(Context context) {
        this.context = context;
    }

    Context context() {
        return context;
    }

    public static void main(String[] args) {
        Context system = Context.system();
        System.exit(run(system, args));
    }

    /** Runs one command line in-process, not on a terminal; tests call this. */
    public static int run(PrintWriter out, PrintWriter err, Pipeline pipeline, String... args) {
        return run(new Context(out, err, pipeline), args);
    }

    /** As above, as a terminal sees it ({@code terminal}: diagnostics with source excerpts). */
    public static int run(PrintWriter out, PrintWriter err, Pipeline pipeline, boolean terminal, String... args) {
        return run(new Context(out, err, pipeline, terminal), args);
    }

    private static int run(Context context, String... args) {
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        CommandLine cli = new CommandLine(new Main(context));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, line, parsed) -> failure(e, debug(parsed), context));
        cli.setParameterExceptionHandler((e, args1) -> {
            err.println("brochure: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCode.USAGE;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            code = outOfMemory(e, context);
            if (java.util.Arrays.asList(args).contains("--debug")) {
                e.printStackTrace(err);
            }
        } catch (StackOverflowError e) {
            err.println("brochure: internal error: the stack overflowed while " + OutOfMemory.where(e));
            if (java.util.Arrays.asList(args).contains("--debug")) {
                e.printStackTrace(err);
            } else {
                err.println("This is a bug in brochure. Run again with --debug for the stack trace, and report it.");
            }
            code = ExitCode.INTERNAL;
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The last resort when a build needs more memory than Java may use: what was running, the
     * likely cause and what to do, as a user error (exit 1) and without a stack trace. The
     * stages check their own budgets first ({@code world.MemoryBudget}), so this is rare.
     */
    private static int outOfMemory(OutOfMemoryError e, Context context) {
        long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        context.err().println("brochure: error: out of memory while " + OutOfMemory.where(e) + ": the command needed"
                + " more than the " + mb + " MB Java may use here");
        context.err().println("  hint: " + OutOfMemory.likelyCause(e) + "; or give Java more memory"
                + " (JAVA_TOOL_OPTIONS=-Xmx2g)");
        context.err().println("1 error");
        context.err().flush();
        return ExitCode.USER_ERROR;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    private static int failure(Exception e, boolean debug, Context context) {
        if (e instanceof BrochureException user) {
            context.report(user.diagnostics());
            int errors = (int) user.diagnostics().stream().filter(d -> d.isError()).count();
            context.err().println(errors == 1 ? "1 error" : errors + " errors");
            context.err().flush();
            return ExitCode.USER_ERROR;
        }
        context.err().println("brochure: internal error: " + e);
        if (debug) {
            e.printStackTrace(context.err());
        } else {
            context.err().println("This is a bug in brochure. Run again with --debug for the stack trace, and report it.");
        }
        context.err().flush();
        return ExitCode.INTERNAL;
    }

    private static boolean debug(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult p = parsed;
        while (p != null) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
            p = p.subcommand();
        }
        return false;
    }
}
