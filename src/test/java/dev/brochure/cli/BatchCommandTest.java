package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code brochure batch} end to end on a small personalised brochure (fixture {@code personal}:
 * a greeting whose line names the reader through placeholders and whose layout reads the
 * reader's programme itself, a note shown only to readers with one, and a story every copy
 * shares), for 1,000 generated recipients: one PDF each, each with its own reader's name and
 * note and no one else's; a second run does no work; three bad records of 1,000 are listed at
 * their lines and skipped; two shards together make the whole batch.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchCommandTest {

    private static final int COUNT = 1000;
    private static final Pattern GIVEN = Pattern.compile("Given(\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern FAMILY = Pattern.compile("Family(\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private static TestProject project;
    private static Path recipients;
    private static Path out;
    private static CliRun first;

    /** Record i (1-based): every fifth has no programme, every third no note. */
    private static String record(int i) {
        return String.format(Locale.ROOT, "Given%04d,Family%04d,%s,%s", i, i, i % 5 == 0 ? "" : "Programme " + i % 7,
                i % 3 == 0 ? "" : String.format(Locale.ROOT, "\"Note for reader %04d, with a comma\nand a line break.\"", i));
    }

    private static String file(int count) {
        StringBuilder csv = new StringBuilder("first_name,last_name,programme,note\n");
        for (int i = 1; i <= count; i++) {
            csv.append(record(i)).append('\n');
        }
        return csv.toString();
    }

    private static CliRun batch(Path csv, Path folder, String... more) {
        List<String> args = new ArrayList<>(List.of("batch", "--recipients", csv.toString(), "--content",
                project.content().toString(), "--out", folder.toString(), "--progress", "lines"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @BeforeAll
    static void buildTheBatch() throws IOException {
        project = TestProject.copy("personal", temp.resolve("project"));
        TestProject.copyTree(TestProject.REPO.resolve("fonts"), temp.resolve("project/fonts"));
        recipients = Files.writeString(temp.resolve("recipients.csv"), file(COUNT));
        out = temp.resolve("out");
        first = batch(recipients, out);
    }

    private static List<Path> pdfs(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
    }

    private static List<JsonNode> manifest(Path file) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            entries.add(JSON.readTree(line));
        }
        return entries;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> numbers(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** {@code -q}: no plan and no progress lines, only the summary (README, "Progress and summary"). */
    @Test
    void quietShowsOnlyTheSummary() throws IOException {
        Path two = Files.writeString(temp.resolve("two.csv"), file(2));
        CliRun shown = batch(two, temp.resolve("shown"));
        CliRun quiet = batch(two, temp.resolve("quiet"), "-q");
        assertEquals(0, shown.code(), shown.toString());
        assertEquals(0, quiet.code(), quiet.toString());
        assertTrue(shown.out().contains("batch: 2 records, 2 to build"), shown.out());
        assertTrue(shown.out().contains("batch: 2/2 copies (100%)"), shown.out());
        assertEquals(1, quiet.out().lines().count(), quiet.out());
        assertTrue(quiet.out().startsWith("batch: 2 built, 0 up to date, 0 failed"), quiet.out());
        assertEquals(2, pdfs(temp.resolve("quiet")).size());
    }

    @Test
    @Order(1)
    void aThousandRecipientsGiveAThousandDistinctPdfsAndAManifestOfThem() throws IOException {
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().contains("batch: 1000 records, 1000 to build, 0 up to date, 0 failed the checks"), first.out());
        assertTrue(first.out().contains("batch: 1000/1000 copies (100%)"), first.out());
        assertTrue(first.out().contains("batch: 1000 built, 0 up to date, 0 failed in "), first.out());
        assertTrue(first.out().contains("copies/s); manifest "), first.out());

        List<Path> pdfs = pdfs(out);
        assertEquals(COUNT, pdfs.size());
        assertEquals("Given0001-Family0001.pdf", pdfs.getFirst().getFileName().toString(),
                "named after the file's first_name and last_name by default");
        List<JsonNode> entries = manifest(out.resolve("manifest.jsonl"));
        assertEquals(COUNT, entries.size());
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < COUNT; i++) {
            JsonNode entry = entries.get(i);
            assertEquals(i + 1, entry.get("record").asInt(), "in record order");
            assertEquals(i + 2 + extraLines(i + 1), entry.get("line").asInt(), "the record's first line");
            assertEquals("built", entry.get("status").asText());
            assertEquals(entry.get("file").asText().toLowerCase(Locale.ROOT), entry.get("key").asText(),
                    "the key is the file name in lower case");
            Path pdf = out.resolve(entry.get("file").asText());
            assertEquals(Files.size(pdf), entry.get("bytes").asLong());
            assertEquals(sha256(pdf), entry.get("sha256").asText(), entry.toString());
            assertEquals(String.format(Locale.ROOT, "Given%04d", i + 1), entry.get("fields").get("first_name").asText());
            assertTrue(entry.get("errors").isEmpty());
            hashes.add(entry.get("sha256").asText());
        }
        assertEquals(COUNT, hashes.size(), "every copy is its own");
    }

    /** Lines taken by the records before record {@code n}: a record with a note takes two. */
    private static int extraLines(int n) {
        int extra = 0;
        for (int i = 1; i < n; i++) {
            extra += i % 3 == 0 ? 0 : 1;
        }
        return extra;
    }

    @Test
    @Order(2)
    void eachCopyNamesItsOwnReaderAndNoOther() throws IOException {
        for (int i : new int[] {1, 2, 3, 5, 15, 333, 334, 500, 999, 1000}) {
            String number = String.format(Locale.ROOT, "%04d", i);
            Path pdf = out.resolve("Given" + number + "-Family" + number + ".pdf");
            try (PDDocument doc = PdfFiles.open(pdf)) {
                String text = PdfFiles.spaces(PdfFiles.text(doc)).replaceAll("\\s+", " ");
                assertEquals(Set.of(number), numbers(GIVEN, text), pdf + ": " + text);
                assertEquals(Set.of(number), numbers(FAMILY, text), pdf + ": " + text);
                assertTrue(text.contains("Prepared for Given" + number + " Family" + number), text);
                assertTrue(text.contains(i % 5 == 0 ? "Programme: every programme" : "Programme: Programme " + i % 7),
                        "the layout read the reader's programme: " + text);
                assertTrue(text.contains("The Story So Far"), "the shared section is in every copy");
                if (i % 3 == 0) {
                    assertFalse(text.contains("Dear ") || text.contains("Note for reader"), "no note, no note page: " + text);
                } else {
                    assertTrue(text.contains("Dear Given" + number + ","), text);
                    assertTrue(text.contains("Note for reader " + number + ", with a comma and a line break."), text);
                }
                assertTrue(Stream.of("Note for reader", "Dear").allMatch(w -> text.indexOf(w) == text.lastIndexOf(w)),
                        "one note, the reader's own: " + text);
            }
        }
    }

    @Test
    @Order(3)
    void aSecondRunFindsEveryCopyUpToDateAndBuildsNothing() throws IOException {
        Map<Path, FileTime> before = new HashMap<>();
        for (Path pdf : pdfs(out)) {
            before.put(pdf, Files.getLastModifiedTime(pdf));
        }
        CliRun again = batch(recipients, out);
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("batch: 0 built, 1000 up to date, 0 failed"), again.out());
        for (Path pdf : pdfs(out)) {
            assertEquals(before.get(pdf), Files.getLastModifiedTime(pdf), pdf + " was not written again");
        }
        List<JsonNode> entries = manifest(out.resolve("manifest.jsonl"));
        assertEquals(COUNT, entries.size());
        assertTrue(entries.stream().allMatch(e -> e.get("status").asText().equals("unchanged")));
    }

    @Test
    @Order(4)
    void aChangedRecordAChangedCopyOrACutOffManifestLineIsBuiltAgainAndOnlyThat() throws IOException {
        String changed = file(COUNT).replace("Given0007,Family0007,Programme 0,", "Given0007,Family0007,Programme X,");
        Path csv = Files.writeString(temp.resolve("changed.csv"), changed);
        Files.writeString(out.resolve("Given0010-Family0010.pdf"), "not the copy any more");
        List<String> lines = new ArrayList<>(Files.readAllLines(out.resolve("manifest.jsonl")));
        String last = lines.removeLast();
        Files.writeString(out.resolve("manifest.jsonl"), String.join("\n", lines) + "\n" + last.substring(0, 40));

        CliRun run = batch(csv, out);
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("batch: 3 built, 997 up to date, 0 failed"), run.out());
        try (PDDocument doc = PdfFiles.open(out.resolve("Given0007-Family0007.pdf"))) {
            assertTrue(PdfFiles.text(doc).contains("Programme: Programme X"));
        }
        try (PDDocument doc = PdfFiles.open(out.resolve("Given0010-Family0010.pdf"))) {
            assertTrue(PdfFiles.text(doc).contains("Given0010"));
        }
        assertEquals(COUNT, manifest(out.resolve("manifest.jsonl")).size());
    }

    @Test
    @Order(5)
    void threeBadRecordsOfAThousandAreListedWithTheirLinesSkippedAndExitOne() throws IOException {
        List<String> rows = new ArrayList<>(file(COUNT).lines().toList());
        // Records 99, 201 and 300 (one line each: they have no note): too many columns, an empty
        // field the copy shows (last_name, in the greeting's line), and a byte that is not UTF-8.
        rows.replaceAll(row -> row.startsWith("Given0099,") ? "Given0099,Family0099,Programme 1,a note,extra"
                : row.startsWith("Given0201,") ? "Given0201,,Programme 5," : row);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String row : rows) {
            if (row.startsWith("Given0300,")) {
                bytes.write("Given0300,Fam".getBytes(StandardCharsets.UTF_8));
                bytes.write(0xFF);
                bytes.write("ily0300,Programme 6,\n".getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.write((row + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path bad = Files.write(temp.resolve("bad.csv"), bytes.toByteArray());
        int line100 = lineOf(rows, "Given0099,");
        int line200 = lineOf(rows, "Given0201,");
        int line300 = lineOf(rows, "Given0300,");

        Path folder = temp.resolve("bad-out");
        CliRun run = batch(bad, folder);
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.out().contains("batch: 1000 records, 997 to build, 0 up to date, 3 failed the checks"), run.out());
        assertTrue(run.out().contains("batch: 997 built, 0 up to date, 3 failed"), run.out());
        assertTrue(run.err().contains("bad.csv:" + line100 + ": error: the record has 5 fields, the header 4"), run.err());
        assertTrue(run.err().contains("bad.csv:" + line200 + ": error: the field 'last_name' is empty, but the copy shows it"),
                run.err());
        assertTrue(run.err().contains("bad.csv:" + line300 + ":14: error: the record is not valid UTF-8 text (byte 0xFF)"),
                run.err());
        assertTrue(run.err().contains("3 records failed"), run.err());
        assertEquals(997, pdfs(folder).size());
        List<JsonNode> failed = manifest(folder.resolve("manifest.jsonl")).stream()
                .filter(e -> e.get("status").asText().equals("failed")).toList();
        assertEquals(List.of(line100, line200, line300), failed.stream().map(e -> e.get("line").asInt()).toList());
        assertTrue(failed.stream().allMatch(e -> e.get("sha256").isNull() && !e.get("errors").isEmpty()));
    }

    private static int lineOf(List<String> rows, String start) {
        int line = 1;
        for (String row : rows) {
            if (row.startsWith(start)) {
                return line;
            }
            line += 1;
        }
        throw new AssertionError(start);
    }

    @Test
    @Order(6)
    void twoShardsTogetherMakeTheWholeBatchWithNoRecordBuiltTwice() throws IOException {
        int count = 200;
        String csv = file(count).replace("Given0050,Family0050,", "Given0050,,");
        Path file = Files.writeString(temp.resolve("shards.csv"), csv);
        Path whole = temp.resolve("whole");
        Path parts = temp.resolve("parts");
        assertEquals(1, batch(file, whole).code());
        CliRun one = batch(file, parts, "--shard", "1/2", "--jobs", "1");
        CliRun two = batch(file, parts, "--shard", "2/2");
        assertTrue(one.out().contains("(shard 1/2: "), one.out());
        assertEquals(1, one.code() + two.code(), "the failed record is in one shard only: " + one + two);

        Map<String, String> all = entries(manifest(whole.resolve("manifest.jsonl")));
        List<JsonNode> first = manifest(parts.resolve("manifest-1-of-2.jsonl"));
        List<JsonNode> second = manifest(parts.resolve("manifest-2-of-2.jsonl"));
        assertTrue(first.size() > 60 && second.size() > 60, first.size() + " + " + second.size());
        Map<String, String> union = new TreeMap<>(entries(first));
        entries(second).forEach((key, value) -> assertEquals(null, union.put(key, value), "in both shards: " + key));
        assertEquals(new TreeMap<>(all), union);
        assertEquals(count - 1, pdfs(parts).size());
        for (Path pdf : pdfs(parts)) {
            assertEquals(sha256(whole.resolve(pdf.getFileName())), sha256(pdf), "the same bytes, sharded or not");
        }
    }

    /** Each entry's key and what must agree between runs: line, file, hash, size, status. */
    private static Map<String, String> entries(List<JsonNode> manifest) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode e : manifest) {
            out.put(e.get("key").asText(), e.get("line").asInt() + " " + e.get("file").asText() + " "
                    + e.get("sha256").asText() + " " + e.get("bytes").asText() + " " + e.get("status").asText());
        }
        return out;
    }
}
