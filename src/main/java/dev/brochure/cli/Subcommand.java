package dev.brochure.cli;

import picocli.CommandLine.ParentCommand;

/**
 * A command under {@code brochure}. Commands have no-argument constructors (so picocli's own
 * tools, such as {@code AutoComplete}, can create them) and reach the invocation's streams and
 * pipeline through the {@link Main} they run under.
 */
abstract class Subcommand {

    @ParentCommand
    Main main;

    Context context() {
        return main.context();
    }
}
