package dev.brochure.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;
}
