package dev.brochure.cli;

import dev.brochure.diag.BrochureException;
import dev.brochure.pipeline.Pipeline;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;

/**
 * The {@code brochure} command. Parses arguments, runs the subcommand, and maps what happened
 * to an exit code: 0 ok, 1 user-fixable errors (reported as {@code path:line:column: message}),
 * 2 usage errors, 3 internal errors (stack trace only with {@code --debug}).
 */
@Command(name = "brochure", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turns YAML content into a typeset, image-rich PDF brochure.",
        subcommands = {BuildCommand.class, ValidateCommand.class, PreviewCommand.class, InspectCommand.class,
                VerifyCommand.class, TypographyCommand.class, BatchCommand.class,
                MailCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // The process's environment and working folder enter here, and only here: the pipeline's
        // builds read SOURCE_DATE_EPOCH and the cache folder from it, and show paths relative to it.
        System.exit(run(out, err, new Pipeline(System.getenv(), Path.of("").toAbsolutePath()), args));
    }

    /** Runs one command line in-process; tests call this. */
    public static int run(PrintWriter out, PrintWriter err, Pipeline pipeline, String... args) {
        Context context = new Context(out, err, pipeline);
        CommandLine cli = new CommandLine(new Main(), factory(context));
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
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: build, batch, mail, validate, preview, inspect, verify or typography");
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

    private static IFactory factory(Context context) {
        IFactory defaults = CommandLine.defaultFactory();
        return new IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                // Commands take the invocation's context through their constructor.
                try {
                    return type.getDeclaredConstructor(Context.class).newInstance(context);
                } catch (NoSuchMethodException e) {
                    return defaults.create(type);
                }
            }
        };
    }
}
