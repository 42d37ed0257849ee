package dev.brochure.pipeline.batch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} parts of a batch ({@code --shard I/N}, {@code index} from 1). A record
 * belongs to the part its key's SHA-256 gives, so the parts are disjoint, together make the
 * whole batch, and do not change when records are added, removed or reordered around it.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(1, 1);
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is I/N with 1 <= I <= N, not " + index + "/" + count);
        }
    }

    /** {@code I/N}; an {@link IllegalArgumentException} saying what is wrong otherwise. */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a shard: write I/N, for example 2/4");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean isAll() {
        return count == 1;
    }

    /** Whether the record with {@code key} is this part's. */
    public boolean holds(String key) {
        if (count == 1) {
            return true;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long bucket = Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), count);
            return bucket == index - 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
