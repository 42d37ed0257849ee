package dev.brochure.mail;

import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The SMTP password, read from an environment variable ({@code --password-env NAME}) or a file
 * ({@code --password-file FILE}, its first line), never from the command line. It is read when
 * the connection is made, handed to Jakarta Mail only, and never printed: {@link #toString}
 * does not show it and no message of this class repeats it.
 */
public final class Password {

    private final String source;
    private final java.util.function.Supplier<String> read;

    private Password(String source, java.util.function.Supplier<String> read) {
        this.source = source;
        this.read = read;
    }

    /** The password in the environment variable {@code name}, looked up in {@code environment}. */
    public static Password fromEnvironment(String name, Function<String, String> environment) {
        return new Password("the environment variable " + name, () -> {
            String value = environment.apply(name);
            if (value == null || value.isEmpty()) {
                throw BrochureException.of(SourceLocation.of("--password-env"), "the environment variable " + name
                        + " is not set or empty", "export " + name + " before running, or use --password-file");
            }
            return value;
        });
    }

    /** The first line of {@code file}. */
    public static Password fromFile(Path file) {
        String name = SourceLocation.display(file, null);
        return new Password("the file " + name, () -> {
            try {
                if (Files.size(file) > 64 * 1024) {
                    throw BrochureException.of(SourceLocation.of(name), "the password file is larger than 64 KB",
                            "the file holds the password on its first line");
                }
                String first = Arrays.stream(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\r?\n", 2))
                        .findFirst().orElse("");
                if (first.isEmpty()) {
                    throw BrochureException.of(SourceLocation.of(name), "the password file is empty",
                            "write the password on its first line");
                }
                return first;
            } catch (NoSuchFileException e) {
                throw BrochureException.of(SourceLocation.of(name), "password file not found",
                        "check the path given with --password-file");
            } catch (IOException e) {
                throw BrochureException.of(SourceLocation.of(name), "cannot read the password file ("
                        + e.getClass().getSimpleName() + ")", null);
            }
        });
    }

    /** The password itself, for Jakarta Mail's authenticator only. */
    String reveal() {
        return read.get();
    }

    /** Where the password comes from (never the password). */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "password from " + source;
    }
}
