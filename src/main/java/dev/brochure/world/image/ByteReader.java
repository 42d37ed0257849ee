package dev.brochure.world.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Big-endian reading of an image file through a fixed buffer, so that checking a file's
 * structure costs the same small memory whatever its size. The end of the file is a
 * {@link ImageProblem} ("truncated") rather than an exception of the caller's.
 */
final class ByteReader {

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private String format;
    private final byte[] buffer = new byte[BUFFER];
    private int start;
    private int end;

    ByteReader(InputStream in, String format) {
        this.in = in;
        this.format = format;
    }

    /** Names the format in messages, once it is known. */
    ByteReader named(String format) {
        this.format = format;
        return this;
    }

    /** Up to {@code n} bytes from the current position, without consuming them. */
    byte[] peek(int n) throws IOException {
        while (end - start < n && fill()) {
            // keep filling until n bytes are buffered or the file ends
        }
        return Arrays.copyOfRange(buffer, start, start + Math.min(n, end - start));
    }

    /** The next byte, or -1 at the end of the file. */
    int next() throws IOException {
        if (start == end && !fill()) {
            return -1;
        }
        return buffer[start++] & 0xff;
    }

    /** Skips bytes until the next one is {@code value}; false at the end of the file. */
    boolean skipUntil(int value) throws IOException {
        byte wanted = (byte) value;
        while (true) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == wanted) {
                    start = i;
                    return true;
                }
            }
            start = end;
            if (!fill()) {
                return false;
            }
        }
    }

    int u8() throws IOException, ImageProblem {
        int b = next();
        if (b < 0) {
            throw ImageProblem.truncated(format);
        }
        return b;
    }

    int u16() throws IOException, ImageProblem {
        return (u8() << 8) | u8();
    }

    long u32() throws IOException, ImageProblem {
        return ((long) u16() << 16) | u16();
    }

    void skip(long n) throws IOException, ImageProblem {
        skip(n, null);
    }

    /** Skips {@code n} bytes, adding them to {@code crc} when one is given. */
    void skip(long n, CRC32 crc) throws IOException, ImageProblem {
        long left = n;
        while (left > 0) {
            if (start == end && !fill()) {
                throw ImageProblem.truncated(format);
            }
            int take = (int) Math.min(left, end - start);
            if (crc != null) {
                crc.update(buffer, start, take);
            }
            start += take;
            left -= take;
        }
    }

    /** Reads {@code n} bytes (a small header) into an array, adding them to {@code crc} when one is given. */
    byte[] bytes(int n, CRC32 crc) throws IOException, ImageProblem {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) u8();
        }
        if (crc != null) {
            crc.update(out);
        }
        return out;
    }

    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            return true;
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read <= 0) {
            return false;
        }
        end += read;
        return true;
    }
}
