package dev.brochure.world.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.vocab.ImageOrientation;
import dev.brochure.vocab.ImageRef;
import dev.brochure.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Which image files are accepted, and the sentence each refused one gets. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ImageProbeTest {

    @TempDir
    Path temp;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(temp.resolve(name), bytes);
    }

    private ImageProbe.Probed accepted(String name, byte[] bytes) throws Exception {
        return ImageProbe.probe(name, file(name, bytes));
    }

    private String refused(String name, byte[] bytes) throws IOException {
        Path path = file(name, bytes);
        return assertThrows(ImageProblem.class, () -> ImageProbe.probe(name, path)).getMessage();
    }

    private static byte[] rgbJpeg() {
        return TestImages.jpeg(TestImages.quadrants(60, 40, BufferedImage.TYPE_INT_RGB));
    }

    private static byte[] rgbPng() {
        return TestImages.png(TestImages.quadrants(60, 40, BufferedImage.TYPE_INT_RGB));
    }

    private static int indexOf(byte[] bytes, int first, int second) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xff) == first && (bytes[i + 1] & 0xff) == second) {
                return i;
            }
        }
        throw new AssertionError("marker not found");
    }

    @Test
    void acceptsJpegAndPngWithTheirSize() throws Exception {
        ImageRef jpeg = accepted("a.jpg", rgbJpeg()).image();
        assertEquals(60, jpeg.pixelWidth());
        assertEquals(40, jpeg.pixelHeight());
        assertEquals("jpeg", jpeg.format());
        assertEquals(ImageOrientation.NORMAL, jpeg.orientation());
        ImageRef png = accepted("a.png", rgbPng()).image();
        assertEquals("png", png.format());
        assertEquals(60, png.pixelWidth());
    }

    @Test
    void aSidewaysPhonePhotoHasItsUprightSize() throws Exception {
        ImageProbe.Probed probed = accepted("phone.jpg", TestImages.withExifOrientation(rgbJpeg(), 6));
        assertEquals(ImageOrientation.ROTATE_90_CW, probed.image().orientation());
        assertEquals(40, probed.image().pixelWidth(), "stored 60 wide, upright 40 wide");
        assertEquals(60, probed.image().pixelHeight());
        assertNull(probed.warning());
    }

    @Test
    void unreadableExifIsAWarningNotAnError() throws Exception {
        byte[] jpeg = TestImages.withExifOrientation(rgbJpeg(), 6);
        int tiff = indexOf(jpeg, 'M', 'M');
        jpeg[tiff] = 'X'; // neither II nor MM: not a TIFF structure
        ImageProbe.Probed probed = accepted("odd.jpg", jpeg);
        assertEquals(ImageOrientation.NORMAL, probed.image().orientation());
        assertEquals(60, probed.image().pixelWidth());
    }

    @Test
    void cmykJpegIsAccepted() throws Exception {
        byte[] cmyk = Files.readAllBytes(Path.of("src/test/resources/images/cmyk-quadrants.jpg"));
        assertEquals(48, accepted("c.jpg", cmyk).image().pixelWidth());
    }

    @Test
    void truncatedFilesAreRefused() throws IOException {
        byte[] jpeg = rgbJpeg();
        assertEquals("the JPEG file ends early (it is truncated)", refused("t.jpg", Arrays.copyOf(jpeg, jpeg.length * 2 / 3)));
        byte[] png = rgbPng();
        assertEquals("the PNG file ends early (it is truncated)", refused("t.png", Arrays.copyOf(png, png.length - 20)));
        assertEquals("the JPEG file ends early (it is truncated)", refused("h.jpg", Arrays.copyOf(jpeg, 3)));
    }

    @Test
    void aCorruptPngIsRefusedByItsChecksum() throws IOException {
        byte[] png = rgbPng();
        int idat = indexOf(png, 'I', 'D');
        png[idat + 10] ^= 0x55;
        assertEquals("the PNG file is corrupt (the checksum of its IDAT chunk does not match)", refused("c.png", png));
    }

    @Test
    void aJpegWithoutImageDataIsRefused() throws IOException {
        byte[] headerOnly = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        assertEquals("the JPEG file is corrupt (it holds no image data)", refused("e.jpg", headerOnly));
    }

    @Test
    void jpegVariantsPdfCannotShowAreRefused() throws IOException {
        byte[] twelveBit = rgbJpeg();
        twelveBit[indexOf(twelveBit, 0xFF, 0xC0) + 4] = 12;
        assertEquals("it has 12 bits per sample; PDF viewers show only 8-bit JPEGs", refused("12.jpg", twelveBit));
        byte[] arithmetic = rgbJpeg();
        arithmetic[indexOf(arithmetic, 0xFF, 0xC0) + 1] = (byte) 0xC9;
        assertEquals("it is an arithmetic-coded JPEG, which PDF viewers cannot show", refused("ac.jpg", arithmetic));
        byte[] lossless = rgbJpeg();
        lossless[indexOf(lossless, 0xFF, 0xC0) + 1] = (byte) 0xC3;
        assertEquals("it is a lossless JPEG, which PDF viewers cannot show", refused("ll.jpg", lossless));
    }

    @Test
    void otherFormatsAreNamed() throws IOException {
        BufferedImage picture = TestImages.quadrants(8, 8, BufferedImage.TYPE_INT_RGB);
        assertEquals("it is a GIF image; only JPEG and PNG images are supported",
                refused("g.jpg", TestImages.write(picture, "gif")));
        assertEquals("it is a BMP image; only JPEG and PNG images are supported",
                refused("b.png", TestImages.write(picture, "bmp")));
        assertEquals("it is a TIFF image; only JPEG and PNG images are supported",
                refused("t.jpg", TestImages.write(picture, "tiff")));
        assertEquals("it is a WebP image; only JPEG and PNG images are supported",
                refused("w.jpg", "RIFF\u0024\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("it is a HEIC image (the iPhone's format); only JPEG and PNG images are supported",
                refused("IMG_0001.jpg", "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("it is a text file, not an image; only JPEG and PNG images are supported",
                refused("notes.jpg", "These are my notes.\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("it is a PDF document; only JPEG and PNG images are supported",
                refused("doc.png", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("it is an SVG or XML file; only JPEG and PNG images are supported",
                refused("logo.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("it is not a JPEG or PNG image; only JPEG and PNG images are supported",
                refused("r.jpg", new byte[] {0, 1, 2, 3, (byte) 0xfe, 5, 6, 7}));
        assertEquals("the file is empty", refused("empty.jpg", new byte[0]));
    }

    @Test
    void decompressionBombsAreRefusedFromTheHeader() throws IOException {
        assertEquals("it is 20000x20000 pixels, more than the 100 megapixel limit",
                refused("bomb.png", TestImages.pngClaiming(20000, 20000)));
        assertEquals("it is 60000x60000 pixels, more than the 100 megapixel limit",
                refused("bomb.jpg", TestImages.jpegClaiming(60000, 60000)));
        assertEquals("at 8000x8000 pixels of 8-bit RGB it needs 183 MB once decompressed, more than the 64 MB limit"
                + " for PNGs", refused("big.png", TestImages.pngClaiming(8000, 8000)));
    }

    @Test
    void aHugeFileIsRefusedUnread() throws IOException {
        Path big = temp.resolve("huge.jpg");
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
            raf.write(rgbJpeg());
            raf.setLength(ImageProbe.MAX_FILE_BYTES + 1);
        }
        ImageProblem e = assertThrows(ImageProblem.class, () -> ImageProbe.probe("huge.jpg", big));
        assertTrue(e.getMessage().startsWith("the file is 64 MB, more than the 64 MB limit for images"), e.getMessage());
    }
}
