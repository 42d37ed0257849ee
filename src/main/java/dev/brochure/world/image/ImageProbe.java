package dev.brochure.world.image;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import dev.brochure.vocab.ImageOrientation;
import dev.brochure.vocab.ImageRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Decides, before any pixel is decoded, whether an image file can go into the brochure, and
 * reads what typesetting needs: the upright size and the EXIF orientation. This is the one place
 * image files are judged; the renderer embeds only files that passed here.
 *
 * <p>A file is accepted when it is a complete JPEG or PNG of a kind PDF viewers show (see
 * {@link JpegScan} and {@link PngScan}) and within the limits below, which keep a hostile or
 * accidental file ("decompression bomb": a few kilobytes that claim a huge size) from exhausting
 * memory or time. Anything else is refused with a sentence saying why and what to do.
 */
public final class ImageProbe {

    /** Larger files are refused unread: a 100-megapixel camera JPEG is some 40 MB. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** Above this many pixels an image is refused: a phone photo has ~12 million, A4 at 300 dpi ~9. */
    public static final long MAX_PIXELS = 100_000_000L;
    /**
     * PNGs are decompressed when embedded (JPEGs are copied as they are), taking some four times
     * their raw size in memory; this bound on the raw size keeps that within a 512 MB heap.
     */
    public static final long MAX_PNG_DECODED_BYTES = 64L * 1024 * 1024;

    /** An accepted image, and a warning to show if something about it was odd but harmless. */
    public record Probed(ImageRef image, String warning) {
        /** The same image, as another reference names it. */
        public Probed as(String ref) {
            ImageRef i = image;
            return new Probed(new ImageRef(ref, i.path(), i.pixelWidth(), i.pixelHeight(), i.format(), i.orientation()),
                    warning);
        }
    }

    private ImageProbe() {
    }

    /** Checks an image file, reading it (once). */
    public static Probed probe(String ref, Path path) throws ImageProblem, IOException {
        return probe(ref, path, read(path));
    }

    /**
     * The file's bytes, unless its size already refuses it (a huge file is refused unread): the
     * probe and the checksum the renderer's cache keys need are taken from this one reading.
     */
    public static byte[] read(Path path) throws ImageProblem, IOException {
        long size = Files.size(path);
        if (size == 0) {
            throw new ImageProblem("the file is empty", "copy or export the image again");
        }
        if (size > MAX_FILE_BYTES) {
            throw new ImageProblem("the file is " + size / (1024 * 1024) + " MB, more than the "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MB limit for images", "scale the image down or compress it more");
        }
        return Files.readAllBytes(path);
    }

    /** Checks an image file from its bytes, as read by {@link #read}. */
    public static Probed probe(String ref, Path path, byte[] bytes) throws ImageProblem, IOException {
        if (bytes.length == 0) {
            throw new ImageProblem("the file is empty", "copy or export the image again");
        }
        ByteReader in = new ByteReader(new ByteArrayInputStream(bytes), "image");
        String kind = kind(in.peek(32));
        return switch (kind) {
            case "jpeg" -> jpeg(ref, path, bytes, JpegScan.scan(in.named("JPEG")));
            case "png" -> png(ref, path, PngScan.scan(in.named("PNG")));
            default -> throw new ImageProblem(kind + "; only JPEG and PNG images are supported",
                    "convert it to JPEG (photos) or PNG (flat art, transparency)");
        };
    }

    private static Probed jpeg(String ref, Path path, byte[] bytes, JpegScan.Frame frame) throws ImageProblem {
        checkPixels(frame.width(), frame.height());
        String warning = null;
        ImageOrientation orientation = ImageOrientation.NORMAL;
        try {
            Metadata metadata = JpegMetadataReader.readMetadata(new ByteArrayInputStream(bytes),
                    List.of(new ExifReader()));
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                orientation = ImageOrientation.ofExif(exif.getInt(ExifIFD0Directory.TAG_ORIENTATION));
            }
        } catch (JpegProcessingException | MetadataException | IOException | RuntimeException e) {
            warning = "its EXIF orientation cannot be read, so it is shown as stored";
        }
        int width = orientation.swapsAxes() ? frame.height() : frame.width();
        int height = orientation.swapsAxes() ? frame.width() : frame.height();
        return new Probed(new ImageRef(ref, path, width, height, "jpeg", orientation), warning);
    }

    private static Probed png(String ref, Path path, PngScan.Header header) throws ImageProblem {
        checkPixels(header.width(), header.height());
        long decoded = (long) header.width() * header.height() * header.channels() * Math.max(8, header.bitDepth()) / 8;
        if (decoded > MAX_PNG_DECODED_BYTES) {
            throw new ImageProblem(String.format(Locale.ROOT, "at %dx%d pixels of %s it needs %d MB once decompressed,"
                            + " more than the %d MB limit for PNGs", header.width(), header.height(), header.describe(),
                    decoded / (1024 * 1024), MAX_PNG_DECODED_BYTES / (1024 * 1024)),
                    "scale it down; save photos as JPEG");
        }
        return new Probed(new ImageRef(ref, path, header.width(), header.height(), "png"), null);
    }

    private static void checkPixels(long width, long height) throws ImageProblem {
        if (width * height > MAX_PIXELS) {
            throw new ImageProblem("it is " + width + "x" + height + " pixels, more than the "
                    + MAX_PIXELS / 1_000_000 + " megapixel limit", "scale the image down before using it");
        }
    }

    /** "jpeg", "png", or a description of what the file is instead, from its first bytes. */
    static String kind(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "jpeg";
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "png";
        }
        String ascii = new String(head, StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("GIF8")) {
            return "it is a GIF image";
        }
        if (ascii.startsWith("RIFF") && ascii.startsWith("WEBP", 8)) {
            return "it is a WebP image";
        }
        if (ascii.startsWith("II*\0") || ascii.startsWith("MM\0*")) {
            return "it is a TIFF image";
        }
        if (ascii.startsWith("BM")) {
            return "it is a BMP image";
        }
        if (ascii.startsWith("ftyp", 4) && (ascii.startsWith("hei", 8) || ascii.startsWith("mif1", 8)
                || ascii.startsWith("msf1", 8))) {
            return "it is a HEIC image (the iPhone's format)";
        }
        if (ascii.startsWith("ftyp", 4) && ascii.startsWith("avif", 8)) {
            return "it is an AVIF image";
        }
        if (ascii.startsWith("%PDF")) {
            return "it is a PDF document";
        }
        String text = ascii.stripLeading();
        if (text.startsWith("<svg") || text.startsWith("<?xml")) {
            return "it is an SVG or XML file";
        }
        if (ascii.chars().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F) || c >= 0xA0)) {
            return "it is a text file, not an image";
        }
        return "it is not a JPEG or PNG image";
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
