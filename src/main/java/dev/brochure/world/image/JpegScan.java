package dev.brochure.world.image;

import java.io.IOException;

/**
 * Walks a JPEG file's markers from start to end without decoding a pixel: the frame header gives
 * the size and the number of colour components, and the walk proves the file is complete (it
 * reaches the end-of-image marker) and uses only what PDF viewers can show: baseline or
 * progressive Huffman coding at 8 bits with 1 (grey), 3 (colour) or 4 (CMYK) components.
 */
final class JpegScan {

    /** What the frame header says. */
    record Frame(int width, int height, int components, boolean progressive) {
    }

    private static final String FORMAT = "JPEG";
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;

    private final ByteReader in;
    private Frame frame;
    private boolean sawScan;

    private JpegScan(ByteReader in) {
        this.in = in;
    }

    static Frame scan(ByteReader in) throws IOException, ImageProblem {
        return new JpegScan(in).run();
    }

    private Frame run() throws IOException, ImageProblem {
        if (in.u8() != 0xFF || in.u8() != SOI) {
            throw ImageProblem.corrupt(FORMAT, "it does not start with a JPEG marker");
        }
        int marker = nextMarker();
        while (true) {
            switch (marker) {
                case EOI -> {
                    if (frame == null || !sawScan) {
                        throw ImageProblem.corrupt(FORMAT, "it holds no image data");
                    }
                    return frame;
                }
                case SOI -> throw ImageProblem.corrupt(FORMAT, "a second start-of-image marker");
                case SOS -> {
                    if (frame == null) {
                        throw ImageProblem.corrupt(FORMAT, "image data comes before the frame header");
                    }
                    in.skip(length() - 2);
                    sawScan = true;
                    marker = skipEntropyCodedData();
                    continue;
                }
                default -> {
                    if (isStandalone(marker)) {
                        break;
                    }
                    int length = length();
                    if (isFrameHeader(marker)) {
                        frame(marker, length);
                    } else {
                        in.skip(length - 2);
                    }
                }
            }
            marker = nextMarker();
        }
    }

    /** Reads the next marker where one must be; fill bytes (0xFF) before it are allowed. */
    private int nextMarker() throws IOException, ImageProblem {
        if (in.u8() != 0xFF) {
            throw ImageProblem.corrupt(FORMAT, "data where a marker should be");
        }
        int marker;
        do {
            marker = in.u8();
        } while (marker == 0xFF);
        if (marker == 0x00) {
            throw ImageProblem.corrupt(FORMAT, "an empty marker");
        }
        return marker;
    }

    private int length() throws IOException, ImageProblem {
        int length = in.u16();
        if (length < 2) {
            throw ImageProblem.corrupt(FORMAT, "a segment length of " + length);
        }
        return length;
    }

    /**
     * Skips the compressed data after a scan header, up to the next marker that is not a restart
     * marker or a stuffed zero byte, and returns that marker.
     */
    private int skipEntropyCodedData() throws IOException, ImageProblem {
        while (true) {
            // Compressed data is most of the file: scan the buffer for the next 0xFF in bulk.
            if (!in.skipUntil(0xFF)) {
                throw ImageProblem.truncated(FORMAT);
            }
            in.next();
            int next;
            do {
                next = in.u8();
            } while (next == 0xFF);
            if (next != 0x00 && (next < 0xD0 || next > 0xD7)) {
                return next;
            }
        }
    }

    private void frame(int marker, int length) throws IOException, ImageProblem {
        if (frame != null) {
            throw ImageProblem.corrupt(FORMAT, "two frame headers");
        }
        if (marker != 0xC0 && marker != 0xC1 && marker != 0xC2) {
            String kind = switch (marker) {
                case 0xC3, 0xC7, 0xCB, 0xCF -> "a lossless";
                case 0xC5, 0xC6, 0xCD, 0xCE -> "a hierarchical";
                default -> "an arithmetic-coded";
            };
            throw new ImageProblem("it is " + kind + " JPEG, which PDF viewers cannot show",
                    "save it again as an ordinary (baseline or progressive) JPEG");
        }
        if (length < 8) {
            throw ImageProblem.corrupt(FORMAT, "a short frame header");
        }
        int precision = in.u8();
        int height = in.u16();
        int width = in.u16();
        int components = in.u8();
        in.skip(length - 8);
        if (precision != 8) {
            throw new ImageProblem("it has " + precision + " bits per sample; PDF viewers show only 8-bit JPEGs",
                    "save it again as an ordinary 8-bit JPEG");
        }
        if (components != 1 && components != 3 && components != 4) {
            throw ImageProblem.corrupt(FORMAT, components + " colour components");
        }
        if (width == 0 || height == 0) {
            throw ImageProblem.corrupt(FORMAT, "a frame of " + width + "x" + height + " pixels");
        }
        frame = new Frame(width, height, components, marker == 0xC2);
    }

    private static boolean isStandalone(int marker) {
        return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
    }

    /** SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
