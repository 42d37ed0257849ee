package dev.brochure.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "Show no progress, even on a terminal.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Show progress as lines even when not on a terminal "
            + "(each attempt of the --max-size search, each page of a preview).")
    boolean verbose;
}
