package dev.brochure.cli;

/** The exit codes of every command, documented in the README. */
public final class ExitCode {

    /** Success. */
    public static final int OK = 0;
    /** Content, layout or asset errors: the user can fix them. */
    public static final int USER_ERROR = 1;
    /** Wrong command-line usage. */
    public static final int USAGE = 2;
    /** An internal error: a bug in the tool. */
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}
