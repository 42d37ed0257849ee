package dev.brochure.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards split a batch into disjoint parts; the manifest is read back even after a cut-off write. */
class ShardAndManifestTest {

    @TempDir
    Path temp;

    @Test
    void everyKeyBelongsToExactlyOneShardAndTheSplitIsEven() {
        int[] counts = new int[4];
        for (int i = 0; i < 4000; i++) {
            String key = "recipient-" + i + ".pdf";
            int holders = 0;
            for (int s = 1; s <= 4; s++) {
                if (new Shard(s, 4).holds(key)) {
                    holders++;
                    counts[s - 1]++;
                }
            }
            assertEquals(1, holders, key);
        }
        for (int count : counts) {
            assertTrue(count > 850 && count < 1150, java.util.Arrays.toString(counts));
        }
        assertTrue(Shard.ALL.holds("anything"));
    }

    @Test
    void aShardIsWrittenIOfN() {
        assertEquals(new Shard(2, 4), Shard.parse(" 2/4 "));
        assertEquals("2/4", new Shard(2, 4).toString());
        for (String bad : List.of("0/4", "5/4", "2", "a/b", "1/0", "-1/2")) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
        }
        assertEquals("manifest.jsonl", Manifest.fileName(Shard.ALL));
        assertEquals("manifest-2-of-4.jsonl", Manifest.fileName(new Shard(2, 4)));
    }

    private static Manifest.Entry entry(int record, String status) {
        return new Manifest.Entry(record + 1, record, "key-" + record + ".pdf", Map.of("first_name", "Ada \"A\" ✓"),
                status.equals(Manifest.FAILED) ? null : "Key-" + record + ".pdf",
                status.equals(Manifest.FAILED) ? null : "ab".repeat(32), status.equals(Manifest.FAILED) ? -1 : 1234,
                status.equals(Manifest.FAILED) ? 0 : 3, status, "f".repeat(64),
                status.equals(Manifest.FAILED) ? List.of("r.csv:8: the field 'x' is empty") : List.of());
    }

    @Test
    void entriesAreWrittenAsJsonLinesAndReadBack() {
        Manifest.Entry built = entry(1, Manifest.BUILT);
        Manifest.Entry failed = entry(2, Manifest.FAILED);
        assertEquals(built, Manifest.parse(Manifest.line(built).strip()));
        assertEquals(failed, Manifest.parse(Manifest.line(failed).strip()));
        assertTrue(Manifest.line(failed).contains("\"bytes\":null"));
        assertTrue(Manifest.line(built).endsWith("}\n"));
    }

    @Test
    void aLineCutShortOrEditedIsSkippedAndTheLastLineOfAKeyWins() throws IOException {
        Path file = temp.resolve("manifest.jsonl");
        Manifest.write(file, List.of(entry(1, Manifest.BUILT), entry(2, Manifest.BUILT)));
        try (Manifest.Appender appender = new Manifest.Appender(file)) {
            appender.append(entry(1, Manifest.FAILED));
        }
        String whole = Manifest.line(entry(3, Manifest.BUILT));
        Files.writeString(file, Files.readString(file) + "not json\n" + whole.substring(0, whole.length() / 2),
                StandardCharsets.UTF_8);
        Map<String, Manifest.Entry> read = Manifest.read(file);
        assertEquals(List.of("key-1.pdf", "key-2.pdf"), List.copyOf(read.keySet()));
        assertEquals(Manifest.FAILED, read.get("key-1.pdf").status());
        assertNull(read.get("key-3.pdf"), "a line cut short by a kill is no entry");
        assertTrue(Manifest.read(temp.resolve("none.jsonl")).isEmpty());
    }
}
