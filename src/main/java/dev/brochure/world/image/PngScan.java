package dev.brochure.world.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Walks a PNG file's chunks from signature to {@code IEND} without decompressing the pixels:
 * the header gives the size, bit depth and colour type, every chunk's checksum is verified, and
 * the walk proves the file is complete and holds image data.
 */
final class PngScan {

    /** What the {@code IHDR} chunk says. */
    record Header(int width, int height, int bitDepth, int colorType, boolean interlaced) {

        /** Samples per pixel: grey 1, grey+alpha 2, RGB 3, RGBA 4, palette 1. */
        int channels() {
            return switch (colorType) {
                case 2 -> 3;
                case 4 -> 2;
                case 6 -> 4;
                default -> 1;
            };
        }

        boolean hasAlpha() {
            return colorType == 4 || colorType == 6;
        }

        String describe() {
            String kind = switch (colorType) {
                case 0 -> "greyscale";
                case 2 -> "RGB";
                case 3 -> "palette";
                case 4 -> "greyscale with alpha";
                default -> "RGBA";
            };
            return bitDepth + "-bit " + kind;
        }
    }

    private static final String FORMAT = "PNG";
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final long MAX_CHUNK = 0x7FFF_FFFFL;

    private PngScan() {
    }

    static Header scan(ByteReader in) throws IOException, ImageProblem {
        byte[] signature = in.bytes(SIGNATURE.length, null);
        if (!java.util.Arrays.equals(signature, SIGNATURE)) {
            throw ImageProblem.corrupt(FORMAT, "it does not start with the PNG signature");
        }
        Header header = null;
        boolean palette = false;
        boolean data = false;
        while (true) {
            long length = in.u32();
            if (length > MAX_CHUNK) {
                throw ImageProblem.corrupt(FORMAT, "a chunk length of " + length);
            }
            CRC32 crc = new CRC32();
            String type = new String(in.bytes(4, crc), StandardCharsets.ISO_8859_1);
            if (!type.matches("[A-Za-z]{4}")) {
                throw ImageProblem.corrupt(FORMAT, "a chunk without a valid name");
            }
            if (header == null && !type.equals("IHDR")) {
                throw ImageProblem.corrupt(FORMAT, "the first chunk is " + type + ", not IHDR");
            }
            switch (type) {
                case "IHDR" -> {
                    if (header != null || length != 13) {
                        throw ImageProblem.corrupt(FORMAT, "a bad IHDR chunk");
                    }
                    header = header(in.bytes(13, crc));
                }
                case "PLTE" -> {
                    palette = true;
                    in.skip(length, crc);
                }
                case "IDAT" -> {
                    if (header.colorType() == 3 && !palette) {
                        throw ImageProblem.corrupt(FORMAT, "a palette image without its palette");
                    }
                    data = true;
                    in.skip(length, crc);
                }
                default -> in.skip(length, crc);
            }
            long expected = in.u32();
            if (expected != crc.getValue()) {
                throw ImageProblem.corrupt(FORMAT, "the checksum of its " + type + " chunk does not match");
            }
            if (type.equals("IEND")) {
                if (!data) {
                    throw ImageProblem.corrupt(FORMAT, "it holds no image data");
                }
                return header;
            }
        }
    }

    private static Header header(byte[] b) throws ImageProblem {
        long width = u32(b, 0);
        long height = u32(b, 4);
        int depth = b[8] & 0xff;
        int colorType = b[9] & 0xff;
        int interlace = b[12] & 0xff;
        if (width == 0 || height == 0 || width > MAX_CHUNK || height > MAX_CHUNK) {
            throw ImageProblem.corrupt(FORMAT, "a size of " + width + "x" + height + " pixels");
        }
        boolean valid = switch (colorType) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            case 2, 4, 6 -> depth == 8 || depth == 16;
            default -> false;
        };
        if (!valid || b[10] != 0 || b[11] != 0 || interlace > 1) {
            throw ImageProblem.corrupt(FORMAT, "an invalid header (colour type " + colorType + ", bit depth " + depth + ")");
        }
        return new Header((int) width, (int) height, depth, colorType, interlace == 1);
    }

    private static long u32(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }
}
