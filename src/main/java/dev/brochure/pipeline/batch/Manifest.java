package dev.brochure.pipeline.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.brochure.pipeline.AtomicOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch's record of what it made, in the output folder: JSON Lines, one object per record
 * of the recipients file (its line and number, its key, the fields its name is made of, the
 * file, its SHA-256 and size, its page count, the status, the fingerprint of its inputs, and
 * the errors of a failed record). A run writes the entries it keeps first, then appends one line
 * as each copy is written (after the PDF is in place), and at the end rewrites the whole file in
 * record order; every rewrite is atomic. So an interrupted run leaves a manifest that names only
 * finished files: a line cut short by a kill is skipped by the next run, which builds that copy
 * again. Sharded runs each keep their own manifest ({@code manifest-2-of-4.jsonl}), so parts
 * may share one folder; together they are the whole batch.
 */
final class Manifest {

    static final String BUILT = "built";
    static final String UNCHANGED = "unchanged";
    static final String FAILED = "failed";

    /** One record's line of the manifest. */
    record Entry(int line, int record, String key, Map<String, String> fields, String file, String sha256, long bytes,
            int pages, String status, String fingerprint, List<String> errors) {
        Entry {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            errors = List.copyOf(errors);
        }

        boolean ok() {
            return !status.equals(FAILED);
        }

        Entry withStatus(String other) {
            return new Entry(line, record, key, fields, file, sha256, bytes, pages, other, fingerprint, errors);
        }
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private Manifest() {
    }

    /** The manifest's file name for {@code shard}. */
    static String fileName(Shard shard) {
        return shard.isAll() ? "manifest.jsonl" : "manifest-" + shard.index() + "-of-" + shard.count() + ".jsonl";
    }

    /** The entries of a manifest by key, the last line of a key winning; lines that are not whole entries are skipped. */
    static Map<String, Entry> read(Path file) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return entries;
        } catch (IOException e) {
            // An unreadable manifest is no reason to trust any file: everything is built again.
            return entries;
        }
        for (String line : lines) {
            Entry entry = parse(line);
            if (entry != null) {
                entries.put(entry.key(), entry);
            }
        }
        return entries;
    }

    /** Writes {@code entries} as the whole manifest, atomically. */
    static void write(Path file, List<Entry> entries) {
        write(new AtomicOutput(), file, entries);
    }

    /** Writes {@code entries} as the whole manifest, atomically with {@code output}. */
    static void write(AtomicOutput output, Path file, List<Entry> entries) {
        output.write(file, out -> {
            for (Entry e : entries) {
                out.write(line(e).getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** Appends entries to a manifest, each line whole in one write. Safe for several threads. */
    static final class Appender implements AutoCloseable {
        private final FileChannel channel;

        Appender(Path file) {
            try {
                channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                        StandardOpenOption.CREATE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void append(Entry entry) {
            ByteBuffer bytes = ByteBuffer.wrap(line(entry).getBytes(StandardCharsets.UTF_8));
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Every line was written whole already; the final rewrite replaces the file anyway.
            }
        }
    }

    static String line(Entry e) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("line", e.line());
            json.writeNumberField("record", e.record());
            json.writeStringField("key", e.key());
            json.writeObjectFieldStart("fields");
            for (Map.Entry<String, String> f : e.fields().entrySet()) {
                json.writeStringField(f.getKey(), f.getValue());
            }
            json.writeEndObject();
            json.writeStringField("file", e.file());
            json.writeStringField("sha256", e.sha256());
            if (e.ok()) {
                json.writeNumberField("bytes", e.bytes());
                json.writeNumberField("pages", e.pages());
            } else {
                json.writeNullField("bytes");
                json.writeNullField("pages");
            }
            json.writeStringField("status", e.status());
            json.writeStringField("fingerprint", e.fingerprint());
            json.writeArrayFieldStart("errors");
            for (String error : e.errors()) {
                json.writeString(error);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return text + "\n";
    }

    /** One line as an entry, or null when it is not a whole entry (a line cut short, or edited). */
    static Entry parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        try (JsonParser json = JSON.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                switch (name) {
                    case "fields" -> {
                        if (token != JsonToken.START_OBJECT) {
                            return null;
                        }
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String field = json.currentName();
                            json.nextToken();
                            fields.put(field, json.getValueAsString());
                        }
                    }
                    case "errors" -> {
                        if (token != JsonToken.START_ARRAY) {
                            return null;
                        }
                        while (json.nextToken() == JsonToken.VALUE_STRING) {
                            errors.add(json.getText());
                        }
                    }
                    default -> {
                        if (token.isStructStart()) {
                            json.skipChildren();
                        } else {
                            values.put(name, token == JsonToken.VALUE_NULL ? null
                                    : token.isNumeric() ? (Object) json.getLongValue() : json.getText());
                        }
                    }
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (!(values.get("line") instanceof Long line0) || !(values.get("record") instanceof Long record)
                || !(values.get("key") instanceof String key) || !(values.get("status") instanceof String status)
                || !(values.get("fingerprint") instanceof String fingerprint)) {
            return null;
        }
        String file = values.get("file") instanceof String f ? f : null;
        String sha256 = values.get("sha256") instanceof String h ? h : null;
        long bytes = values.get("bytes") instanceof Long b ? b : -1;
        int pages = values.get("pages") instanceof Long p ? p.intValue() : 0;
        return new Entry(line0.intValue(), record.intValue(), key, fields, file, sha256, bytes, pages, status,
                fingerprint, errors);
    }
}
