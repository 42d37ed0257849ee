package dev.brochure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The YAML limits: hostile or accidental documents are refused quickly, with a located message. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class YamlFileTest {

    @TempDir
    Path temp;

    private static Diagnostic refused(String yaml) {
        List<Diagnostic> all = assertThrows(BrochureException.class, () -> YamlFile.parse("t.yaml", yaml)).diagnostics();
        assertTrue(all.stream().allMatch(d -> d.where().file().equals("t.yaml")), all.toString());
        return all.getFirst();
    }

    /** Levels that each list the previous level twice: 2^levels values from a few hundred bytes. */
    private static String doublingAliases(int levels) {
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol]\n");
        for (int i = 1; i <= levels; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        return yaml.toString();
    }

    @Test
    void billionLaughsWithinTheAliasLimitIsRefusedByItsExpandedSize() {
        String yaml = doublingAliases(24); // 48 aliases, 2^25 values once expanded
        Diagnostic d = refused(yaml);
        assertTrue(d.message().startsWith("the file expands to "), d.message());
        assertTrue(d.message().contains("more than the limit of " + YamlChecks.MAX_EXPANDED_VALUES), d.message());
        assertTrue(d.hint().contains("aliases"), d.hint());
    }

    @Test
    void classicBillionLaughsIsRefusedByTheAliasLimit() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String previous = "a";
        for (char level = 'b'; level <= 'i'; level++) {
            yaml.append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = String.valueOf(level);
        }
        Diagnostic d = refused(yaml.toString());
        assertTrue(d.message().contains("Number of aliases for non-scalar nodes exceeds the specified max=50"),
                d.message());
    }

    @Test
    void aFewAliasesAreStillFine() {
        YamlFile file = YamlFile.parse("t.yaml", doublingAliases(3));
        assertTrue(file.root() instanceof MappingNode);
    }

    @Test
    void aValueContainingItselfIsRefusedAtItsLine() {
        Diagnostic d = refused("title: x\nloop: &me [a, *me]\n");
        assertEquals("this value contains itself through an alias (&me)", d.message());
        assertEquals(2, d.where().line());
    }

    @Test
    void recursiveKeysAreRefused() {
        Diagnostic d = refused("&k {*k : 1}\n");
        assertEquals("this value contains itself through an alias (&k)", d.message());
    }

    @Test
    void deepNestingIsRefused() {
        Diagnostic d = refused("a: " + "[".repeat(100) + "]".repeat(100) + "\n");
        assertTrue(d.message().contains("Nesting Depth exceeded max 40"), d.message());
        Diagnostic block = refused("k0:\n" + java.util.stream.IntStream.range(1, 60)
                .mapToObj(i -> " ".repeat(i) + "k" + i + ":\n").reduce("", String::concat));
        assertTrue(block.message().contains("Nesting Depth exceeded max 40"), block.message());
    }

    @Test
    void aHugeDocumentIsRefusedByItsLength() {
        String yaml = "title: " + "x".repeat(YamlFile.MAX_CODE_POINTS) + "\n";
        Diagnostic d = refused(yaml);
        assertTrue(d.message().contains("exceeds the limit: " + YamlFile.MAX_CODE_POINTS + " code points"), d.message());
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws IOException {
        Path file = temp.resolve("big.yaml");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(YamlFile.MAX_BYTES + 1); // sparse: costs no disk and, if read, 4 MB of memory
        }
        Diagnostic d = assertThrows(BrochureException.class, () -> YamlFile.read(file, file.toString())).diagnostics().getFirst();
        assertTrue(d.message().startsWith("file is 4 MB, more than the 4 MB a content file may have"), d.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!java.net.URL http://example.org", "!!javax.script.ScriptEngineManager [x]", "!foo bar",
        "!<tag:example.com,2000:app/thing> x", "!!binary R0lGODlhDAAMAIQAAP", "!!set {a, b}", "!!omap [a: 1]",
        "!!python/object:os.system ls"})
    void nonStandardTagsAreRefusedWithTheirLine(String value) {
        Diagnostic d = refused("title: Fine\nphoto: " + value + "\n");
        assertTrue(d.message().startsWith("the YAML tag '") && d.message().endsWith("' is not allowed"), d.message());
        assertEquals(2, d.where().line());
        assertEquals(8, d.where().column());
    }

    @Test
    void tagsOfPlainTypesAreAccepted() {
        YamlFile file = YamlFile.parse("t.yaml", "a: !!str 12\nb: !!int 3\nc: !!seq [x]\nd: 2024-05-06\ne: !!bool yes\n");
        MappingNode root = (MappingNode) file.root();
        assertEquals("12", ((ScalarNode) root.getValue().getFirst().getValueNode()).getValue());
    }

    @Test
    void aControlCharacterIsReportedAtItsLineAndColumn() {
        Diagnostic d = refused("title: Fine\nintro: bell\u0007here\n");
        assertEquals("character U+0007 is not allowed in YAML", d.message());
        assertEquals(2, d.where().line());
        assertEquals(12, d.where().column());
    }

    @Test
    void controlCharactersAndHalfSurrogatesWrittenAsEscapesAreRefusedAtTheirValue() {
        Diagnostic nul = refused("title: Fine\nkicker: \"Chapter \\0 one\"\n");
        assertEquals("the value holds the control character U+0000, which is not allowed in text", nul.message());
        assertEquals(2, nul.where().line());
        assertEquals(9, nul.where().column());
        Diagnostic half = refused("title: \"A \\uD800 B\"\n");
        assertEquals("the value holds half a surrogate pair, U+D800, which is not allowed in text", half.message());
        assertEquals(1, half.where().line());
        assertTrue(refused("a: \"\\x1b[31m\"\n").message().contains("U+001B"));
        assertTrue(refused("a: \"\\uFFFF\"\n").message().contains("the noncharacter U+FFFF"));
        // Tabs, line breaks and a whole surrogate pair are text.
        YamlFile.parse("t.yaml", "a: \"tab\\there\\nnext \\U0001F600 \\uD83D\\uDE00\"\n");
    }

    @Test
    void aNamedPipeIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = temp.resolve("brochure.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is available");
        // Opening a pipe blocks until someone writes to it: the test's timeout would catch that.
        Diagnostic d = assertThrows(BrochureException.class, () -> YamlFile.read(fifo, "fifo.yaml")).diagnostics().getFirst();
        assertEquals("this is a named pipe (FIFO), not a regular file", d.message());
        assertTrue(d.hint().startsWith("only regular files are read"), d.hint());
    }

    @Test
    void invalidUtf8IsReported() throws IOException {
        Path file = Files.write(temp.resolve("latin1.yaml"), new byte[] {'t', ':', ' ', (byte) 0xE9, '\n'});
        Diagnostic d = assertThrows(BrochureException.class, () -> YamlFile.read(file, file.toString())).diagnostics().getFirst();
        assertEquals("file is not valid UTF-8 text", d.message());
    }

    @Test
    void severalDocumentsInOneFileAreRefused() {
        Diagnostic d = refused("title: a\n---\ntitle: b\n");
        assertTrue(d.message().startsWith("YAML syntax error"), d.message());
        assertEquals(2, d.where().line());
    }
}
