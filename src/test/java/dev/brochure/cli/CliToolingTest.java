package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * picocli's own tools work on the command as the build runs them (they create every command with
 * picocli's default factory, from the class name): the completion script completes commands and
 * option values in bash, the man page generator writes a page per command, and {@code help}
 * prints a command's usage.
 */
class CliToolingTest {

    @TempDir
    Path temp;

    /** What bash offers after typing {@code line} (the words, the last one possibly empty). */
    private List<String> complete(Path script, String... words) throws Exception {
        String array = String.join(" ", java.util.Arrays.stream(words).map(w -> "'" + w + "'").toList());
        String line = String.join(" ", words);
        String probe = ". '" + script + "' 2>/dev/null\n"
                + "COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line + "'; "
                + "COMP_POINT=${#COMP_LINE}\n"
                + "_complete_brochure 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Path probeFile = Files.writeString(temp.resolve("probe.sh"), probe);
        Process p = new ProcessBuilder("bash", probeFile.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new String(p.getInputStream().readAllBytes()).lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void theCompletionScriptCompletesCommandsOptionsAndValues() throws Exception {
        CommandLine cli = new CommandLine(Main.class);
        Path script = temp.resolve("brochure_completion");
        Files.writeString(script, AutoComplete.bash("brochure", cli));

        assertEquals(List.of("layouts"), complete(script, "brochure", "lay"));
        assertTrue(complete(script, "brochure", "").containsAll(List.of("build", "validate", "verify", "schema", "help")));
        assertEquals(List.of("--format"), complete(script, "brochure", "validate", "--for"));
        assertEquals(List.of("text", "json", "sarif"), complete(script, "brochure", "verify", "--format", ""));
        assertEquals(List.of("screen", "print", "email"), complete(script, "brochure", "build", "--profile", ""));
    }

    @Test
    void theManPageGeneratorWritesAPagePerCommand() throws Exception {
        File dir = temp.resolve("man").toFile();
        CommandLine cli = new CommandLine(Main.class);
        assertEquals(0, ManPageGenerator.generateManPage(dir, null, new boolean[] {false}, true, cli.getCommandSpec()));
        for (String command : List.of("build", "validate", "verify", "layouts", "schema", "styles", "colors", "fonts")) {
            Path page = dir.toPath().resolve("brochure-" + command + ".adoc");
            assertTrue(Files.isRegularFile(page), page + " written");
        }
        String verify = Files.readString(dir.toPath().resolve("brochure-verify.adoc"));
        assertTrue(verify.contains("--format") && verify.contains("--min-ppi"), verify);
        assertTrue(Files.readString(dir.toPath().resolve("brochure.adoc")).contains("layouts"));
    }

    @Test
    void helpPrintsACommandsUsage() {
        CliRun help = CliRun.of("help", "layouts");
        assertEquals(ExitCode.OK, help.code(), help.toString());
        assertTrue(help.out().startsWith("Usage: brochure layouts"), help.out());
        assertTrue(help.out().contains("--copy=NAME"), help.out());
        assertEquals(CliRun.of("layouts", "--help").out(), help.out());

        CliRun all = CliRun.of("help");
        assertEquals(ExitCode.OK, all.code(), all.toString());
        assertTrue(all.out().contains("schema") && all.out().contains("help"), all.out());

        CliRun none = CliRun.of();
        assertEquals(ExitCode.USAGE, none.code(), none.toString());
        assertTrue(none.err().contains("a command is required: build, validate"), none.err());
    }
}
