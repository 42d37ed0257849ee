package dev.brochure.mail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The send ledger, {@code mail/ledger.jsonl} in the output folder: JSON Lines, one line per
 * step, appended and forced to the disk before the next step. Each line names the recipient
 * (address and copy), the record's line, the Message-ID, the SHA-256 of the attached PDF, the
 * time, the status and, for a failure, the server's reply (for a recipient marked sent by hand,
 * a note saying so). A recipient is entered as
 * {@code sending} right before each SMTP transaction, and as {@code sent} or {@code failed}
 * after it; so the last line of a recipient says where it stands, and one whose last line is
 * {@code sending} is one whose transaction was under way when the process died: it may or may
 * not have been delivered. A line cut short by a kill is no entry. Never holds a password.
 */
final class Ledger implements AutoCloseable {

    static final String FILE = "ledger.jsonl";
    static final String SENDING = "sending";
    static final String SENT = "sent";
    static final String FAILED = "failed";

    /** One line. {@code error} is null but for a failure, or a note on a {@code sent} line marked by hand. */
    record Entry(String address, String copy, int line, String messageId, String sha256, Instant time, String status,
            String error) {

        String key() {
            return Ledger.key(address, copy);
        }
    }

    /** Where a recipient stands: its last entry and how many times it was sent. */
    record Standing(Entry last, int sent) {

        /**
         * How many messages may have reached the recipient: those sent, and one more if the last
         * transaction's outcome is unknown. A message sent again is told apart by it.
         */
        int mayHaveReached() {
            return sent + (last.status().equals(SENDING) ? 1 : 0);
        }
    }

    private static Standing next(Standing before, Entry entry) {
        int sent = (before == null ? 0 : before.sent()) + (entry.status().equals(SENT) ? 1 : 0);
        return new Standing(entry, sent);
    }

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Standing> standing;

    private Ledger(Path file, FileChannel channel, Map<String, Standing> standing) {
        this.file = file;
        this.channel = channel;
        this.standing = standing;
    }

    /** A recipient's identity in the ledger: the address (case folded) and its copy. */
    static String key(String address, String copy) {
        return address.toLowerCase(Locale.ROOT) + " " + copy;
    }

    /** Opens {@code file} for appending, reading where every recipient stands. */
    static Ledger open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (!lock(channel)) {
                channel.close();
                throw BrochureException.of(SourceLocation.of(file), "another brochure mail is sending with this ledger",
                        "wait for it to finish; two runs sending from one output folder could send a message twice");
            }
            // Read once the ledger is this run's alone, so no other run's entries can be missed.
            Map<String, Standing> standing;
            try {
                standing = standings(file);
            } catch (BrochureException e) {
                channel.close();
                throw e;
            }
            Ledger ledger = new Ledger(file, channel, standing);
            ledger.endCutLine();
            return ledger;
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(file), "cannot open the send ledger: " + e.getMessage(),
                    "choose an output folder you can write to, with --out");
        }
    }

    /** Where every recipient of a ledger stands, read without taking it (for a dry run). */
    static Map<String, Standing> standings(Path file) {
        Map<String, Standing> standing = new HashMap<>();
        for (Entry e : read(file)) {
            standing.put(e.key(), next(standing.get(e.key()), e));
        }
        return standing;
    }

    /** The entries of a ledger in order; lines that are not whole entries are skipped. */
    static List<Entry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            // Better to stop than to send without knowing what was sent.
            throw BrochureException.of(SourceLocation.of(file), "cannot read the send ledger: " + e.getMessage(),
                    "it records who was sent what; make it readable, and run again");
        }
        JsonFactory json = JsonFactory.builder().build();
        return lines.stream().map(line -> parse(json, line)).filter(java.util.Objects::nonNull).toList();
    }

    /** Takes the ledger for this run alone (released when it is closed, or when the process ends). */
    private static boolean lock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, false) != null;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return false;
        }
    }

    /** Where {@code key} stands, or null if the ledger has never seen it. */
    Standing standing(String key) {
        return standing.get(key);
    }

    /** Appends {@code entry} and forces it to the disk before returning. */
    synchronized void append(Entry entry) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap((format(entry) + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(file), "cannot write the send ledger: " + e.getMessage(),
                    "sending stopped, so that nobody is sent a message the ledger does not know of");
        }
        standing.put(entry.key(), next(standing.get(entry.key()), entry));
    }

    /** A line a kill cut short gets its line end, so the next entry starts on a line of its own. */
    private void endCutLine() throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            reader.read(last, size - 1);
            if (last.get(0) != '\n') {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
                channel.force(false);
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Every entry was forced to the disk when it was written.
        }
    }

    static String format(Entry e) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("recipient", e.address());
            g.writeStringField("copy", e.copy());
            g.writeNumberField("line", e.line());
            g.writeStringField("message_id", e.messageId());
            g.writeStringField("sha256", e.sha256());
            g.writeStringField("time", e.time().toString());
            g.writeStringField("status", e.status());
            if (e.error() != null) {
                g.writeStringField(e.status().equals(SENT) ? "note" : "error", e.error());
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return text.toString();
    }

    private static Entry parse(JsonFactory json, String line) {
        if (line.isBlank()) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        try (JsonParser p = json.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    values.put(name, p.getIntValue());
                } else if (t == JsonToken.VALUE_STRING) {
                    values.put(name, p.getText());
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                return null;
            }
            String status = (String) values.get("status");
            if (!(values.get("recipient") instanceof String address) || !(values.get("copy") instanceof String copy)
                    || status == null || !List.of(SENDING, SENT, FAILED).contains(status)) {
                return null;
            }
            return new Entry(address, copy, values.get("line") instanceof Integer n ? n : 0,
                    (String) values.get("message_id"), (String) values.get("sha256"),
                    values.get("time") instanceof String t ? Instant.parse(t) : Instant.EPOCH, status,
                    (String) values.getOrDefault("error", values.get("note")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
