package dev.brochure.recipients;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A file's bytes as UTF-8 text that never fails to decode: a byte sequence that is not UTF-8 is
 * replaced by U+FFFD and its place noted, so that the record holding it, and only that record,
 * can be reported. A byte-order mark at the start is dropped. Lines are counted as the CSV
 * parser counts them: CR LF, LF or a lone CR ends one.
 */
final class DecodedText {

    /** A stretch of bytes that is not UTF-8: where its replacement stands in the text, and the first byte. */
    record Malformed(int offset, int firstByte) {
    }

    private final String text;
    private final List<Malformed> malformed;
    private final int[] lineStarts;

    private DecodedText(String text, List<Malformed> malformed) {
        this.text = text;
        this.malformed = List.copyOf(malformed);
        this.lineStarts = lineStarts(text);
    }

    static DecodedText of(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length - start + 1));
        List<Malformed> bad = new ArrayList<>();
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                decoder.flush(out);
                break;
            }
            if (result.isOverflow()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
                out.flip();
                bigger.put(out);
                out = bigger;
                continue;
            }
            bad.add(new Malformed(out.position(), in.get(in.position()) & 0xff));
            if (!out.hasRemaining()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
                out.flip();
                bigger.put(out);
                out = bigger;
            }
            out.put('\uFFFD');
            in.position(in.position() + result.length());
        }
        out.flip();
        return new DecodedText(out.toString(), bad);
    }

    String text() {
        return text;
    }

    /** The malformed stretches whose replacement lies in {@code [from, to)}. */
    List<Malformed> malformedIn(long from, long to) {
        return malformed.stream().filter(m -> m.offset() >= from && m.offset() < to).toList();
    }

    /** The 1-based line of the character at {@code offset}. */
    int line(long offset) {
        int found = Arrays.binarySearch(lineStarts, (int) Math.min(offset, Integer.MAX_VALUE));
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The 1-based column of the character at {@code offset}. */
    int column(long offset) {
        return (int) (offset - lineStarts[line(offset) - 1]) + 1;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
                starts.add(i + 1);
            } else if (c == '\n' || c == '\r') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
