package dev.brochure.cli;

import dev.brochure.testing.TestImages;
import dev.brochure.testing.TestPdfs;
import dev.brochure.testing.TestProject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * The cases of the bad-input matrix ({@link BadInputMatrixTest}), grouped as in
 * {@code docs/robustness.md}: the Foundation's error classes, then YAML limits, template
 * sandbox, path confinement, images, fonts and output. Each case edits a fresh copy of the
 * {@code minimal} fixture (see {@link BadInputFixture}) and says what the command line must
 * answer: an exit code and the located messages, as regular expressions.
 */
final class BadInputCases {

    private BadInputCases() {
    }

    @FunctionalInterface
    interface Setup {
        void accept(BadInputFixture fixture) throws IOException;
    }

    /** One case: how to spoil the project, the command line, and the expected outcome. */
    record Case(String name, Setup setup, Function<BadInputFixture, List<String>> args, int exit, List<String> messages,
            boolean applicable, Map<String, String> environment) {

        Case(String name, Setup setup, Function<BadInputFixture, List<String>> args, int exit, List<String> messages,
                boolean applicable) {
            this(name, setup, args, exit, messages, applicable, Map.of());
        }

        /** The same case run with these environment variables (the pipeline's; the JVM's are not read). */
        Case with(Map<String, String> variables) {
            return new Case(name, setup, args, exit, messages, applicable, variables);
        }

        /** The same case run with other arguments. */
        Case running(Function<BadInputFixture, List<String>> other) {
            return new Case(name, setup, other, exit, messages, applicable, environment);
        }

        /** The same case, run only where {@code possible}. */
        Case onlyIf(boolean possible) {
            return new Case(name, setup, args, exit, messages, possible, environment);
        }
    }

    // --- expected messages --------------------------------------------------------------------

    /** An error at {@code file:line:column} whose message contains {@code text}. */
    static String at(String file, int line, int column, String text) {
        return "(?m)^\\S*" + Pattern.quote(file + ":" + line + ":" + column + ": error: ") + ".*" + Pattern.quote(text);
    }

    /** A warning at {@code file:line:column} whose message contains {@code text}. */
    static String warningAt(String file, int line, int column, String text) {
        return "(?m)^\\S*" + Pattern.quote(file + ":" + line + ":" + column + ": warning: ") + ".*" + Pattern.quote(text);
    }

    /** An error on {@code line} of {@code file}, any column. */
    static String atLine(String file, int line, String text) {
        return "(?m)^\\S*" + Pattern.quote(file + ":" + line) + "(:\\d+)?: error: .*" + Pattern.quote(text);
    }

    /** An error about a whole file. */
    static String atFile(String file, String text) {
        return "(?m)^\\S*" + Pattern.quote(file + ": error: ") + ".*" + Pattern.quote(text);
    }

    static String hint(String text) {
        return "(?m)^  hint: .*" + Pattern.quote(text);
    }

    static String line(String text) {
        return "(?m)^.*" + Pattern.quote(text);
    }

    private static List<String> build(BadInputFixture f) {
        return List.of("build", "--content", f.content().toString(), "-o", f.output().toString());
    }

    private static Case fails(String name, Setup setup, String... messages) {
        return new Case(name, setup, BadInputCases::build, ExitCode.USER_ERROR, List.of(messages), true);
    }

    private static Case renders(String name, Setup setup, String... messages) {
        return new Case(name, setup, BadInputCases::build, ExitCode.OK, List.of(messages), true);
    }

    private static Case usage(String name, List<String> args, String message) {
        return new Case(name, f -> { }, f -> args, ExitCode.USAGE, List.of(line(message)), true);
    }

    // --- the cases ------------------------------------------------------------------------------

    static List<Case> all() {
        List<Case> all = new ArrayList<>();
        all.addAll(foundation());
        all.addAll(yaml());
        all.addAll(templates());
        all.addAll(paths());
        all.addAll(images());
        all.addAll(fonts());
        all.addAll(output());
        all.addAll(links());
        all.addAll(numbers());
        all.addAll(clock());
        all.addAll(pdfs());
        all.addAll(messages());
        all.addAll(memory());
        return all;
    }

    static List<Case> foundation() {
        return List.of(
                fails("YAML syntax error", f -> f.replace("sections/story.yaml", "title: The Story So Far",
                        "title: [The Story So Far"), atLine("sections/story.yaml", 4, "YAML syntax error")),
                fails("unknown key", f -> f.replace("sections/story.yaml", "intro:", "intrp:"),
                        at("sections/story.yaml", 4, 1, "unknown key 'intrp' in section"), hint("did you mean 'intro'?")),
                fails("wrong type", f -> f.replace("brochure.yaml", "title: Fixture Brochure", "title: [Fixture]"),
                        at("brochure.yaml", 2, 8, "'title' must be a text value, not a list")),
                fails("missing required key", f -> f.replace("brochure.yaml", "title: Fixture Brochure\n", ""),
                        at("brochure.yaml", 2, 1, "brochure.yaml is missing the required key 'title'")),
                fails("missing required field", f -> f.replace("sections/story.yaml", "title: The Story So Far\n", ""),
                        at("sections/story.yaml", 1, 1, "section is missing the required field 'title'")),
                fails("duplicate key", f -> f.replace("sections/story.yaml", "kicker: Chapter one",
                        "kicker: Chapter one\nkicker: Again"), at("sections/story.yaml", 3, 1, "duplicate key 'kicker'")),
                fails("missing image", f -> f.replace("sections/cover.yaml", "images/landscape.jpg", "images/nope.jpg"),
                        at("sections/cover.yaml", 6, 8, "file not found: 'images/nope.jpg'")),
                fails("missing font", f -> f.theme("fonts/Nope.ttf"),
                        at("themes/t.yaml", 4, 14, "file not found: 'fonts/Nope.ttf'")),
                fails("missing section file", f -> f.replace("brochure.yaml", "sections/story.yaml", "sections/nope.yaml"),
                        at("brochure.yaml", 11, 5, "file not found: 'sections/nope.yaml'")),
                fails("unknown layout", f -> f.replace("sections/story.yaml", "layout: article", "layout: artcle"),
                        at("sections/story.yaml", 1, 9, "unknown layout 'artcle'"), hint("did you mean 'article'?")),
                fails("unknown theme", f -> f.replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: nope"),
                        at("brochure.yaml", 8, 8, "unknown theme 'nope'")),
                fails("unknown paper", f -> f.replace("brochure.yaml", "paper: A4", "paper: A5"),
                        at("brochure.yaml", 7, 8, "unknown paper 'A5'")),
                fails("empty brochure.yaml", f -> f.write("brochure.yaml", ""),
                        atFile("brochure.yaml", "brochure.yaml is empty")),
                fails("no content folder", f -> Files.move(f.content(), f.root.resolve("moved")),
                        atFile("brochure-content", "content folder not found")),
                fails("template syntax error", f -> f.template("<section>\n<p>\n<#if>x</#if>\n</p>\n</section>\n"),
                        atLine("layouts/article.ftlx", 3, "layout template syntax error")),
                fails("template not closed", f -> f.template("<section>\n<p>\n<#if section.title>\n</p>\n</section>\n"),
                        at("layouts/article.ftlx", 5, 11, "layout template syntax error: Unexpected end of file reached."
                                + " You have an unclosed #if.")),
                fails("template runtime error", f -> f.template("<section>\n<p>${section.nothing}</p>\n</section>\n"),
                        atLine("layouts/article.ftlx", 2, "layout template failed while setting"),
                        hint("check 'section.nothing'")),
                fails("unknown layout element", f -> f.template("<section>\n<paragraph>x</paragraph>\n</section>\n"),
                        atFile("layouts/article.ftlx", "<paragraph> is not a layout block")),
                fails("malformed layout output", f -> f.template("<section><p>${plain(section.title)}</section>\n"),
                        atFile("layouts/article.ftlx", "layout produced malformed markup at output line 1")),
                fails("negative length in a layout", f -> f.template("<section><panel padding=\"-4mm\"><p>x</p></panel>"
                        + "<spacer height=\"-1cm\"/><image src=\"images/landscape.jpg\" width=\"-50%\"/></section>\n"),
                        atFile("layouts/article.ftlx", "<panel> at layout output line 1 (setting "),
                        line("padding='-4mm' must not be negative"), line("height='-1cm' must not be negative"),
                        line("width='-50%' must not be negative")),
                renders("a section ending in breaks", f -> f.template(
                        "<section><p>x</p><columns count=\"1\"><column-break/><column-break/><page-break/></columns></section>\n")),
                fails("a brochure without pages", f -> f.template("<section/>\n")
                        .replace("brochure.yaml", "  - sections/cover.yaml\n", ""),
                        atFile("brochure.yaml", "the brochure has no pages")),
                usage("unknown option", List.of("build", "--no-such-flag"), "Unknown option: '--no-such-flag'"),
                usage("bad option value", List.of("build", "--paper", "A3"), "Invalid value for option '--paper'"),
                usage("no command", List.of(), "a command is required"));
    }

    /** Levels that each list the previous level twice: 2^25 values from 48 aliases. */
    private static String doublingAliases() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol]\n");
        for (int i = 1; i <= 24; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        return yaml.toString();
    }

    static List<Case> yaml() {
        String story = "layout: article\ntitle: Story\n";
        return List.of(
                fails("billion laughs within the alias limit", f -> f.write("sections/story.yaml", story + doublingAliases()),
                        atFile("sections/story.yaml", "values, more than the limit of 200000"), line("error: the file expands to ")),
                fails("billion laughs over the alias limit", f -> {
                    StringBuilder yaml = new StringBuilder(story).append("a: &a [x, x, x, x, x, x, x, x, x]\n");
                    for (char level = 'b'; level <= 'i'; level++) {
                        yaml.append(level).append(": &").append(level).append(" [")
                                .append(String.join(", ", java.util.Collections.nCopies(9, "*" + (char) (level - 1))))
                                .append("]\n");
                    }
                    f.write("sections/story.yaml", yaml.toString());
                }, atFile("sections/story.yaml", "Number of aliases for non-scalar nodes exceeds the specified max=50")),
                fails("a value containing itself", f -> f.write("sections/story.yaml", story + "highlights: &h [a, *h]\n"),
                        atLine("sections/story.yaml", 3, "this value contains itself through an alias (&h)")),
                fails("nesting too deep", f -> f.write("sections/story.yaml", story + "highlights: "
                        + "[".repeat(500) + "]".repeat(500) + "\n"), line("Nesting Depth exceeded max 40")),
                fails("document too long", f -> f.write("sections/story.yaml", story + "intro: " + "a".repeat(1_100_000) + "\n"),
                        atFile("sections/story.yaml", "exceeds the limit: 1048576 code points")),
                fails("file too large", f -> {
                    try (RandomAccessFile raf = new RandomAccessFile(f.file("sections/story.yaml").toFile(), "rw")) {
                        raf.setLength(5L * 1024 * 1024);
                    }
                }, atFile("sections/story.yaml", "file is 5 MB, more than the 4 MB a content file may have")),
                fails("Java type tag", f -> f.replace("sections/story.yaml", "photo: images/landscape.jpg",
                        "photo: !!java.net.URL http://example.org/x.jpg"),
                        at("sections/story.yaml", 8, 8, "the YAML tag '!!java.net.URL' is not allowed")),
                fails("custom tag", f -> f.replace("sections/story.yaml", "photo: images/landscape.jpg",
                        "photo: !include ../../secrets.yaml"),
                        at("sections/story.yaml", 8, 8, "the YAML tag '!include' is not allowed")),
                fails("binary tag", f -> f.replace("sections/story.yaml", "photo: images/landscape.jpg",
                        "photo: !!binary R0lGODlhAQABAAAAACw="),
                        at("sections/story.yaml", 8, 8, "the YAML tag '!!binary' is not allowed")),
                fails("control character", f -> f.replace("sections/story.yaml", "An introduction", "An intro\u0007duction"),
                        at("sections/story.yaml", 4, 16, "character U+0007 is not allowed in YAML")),
                fails("not UTF-8", f -> f.bytes("sections/story.yaml",
                        "layout: article\ntitle: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)),
                        atFile("sections/story.yaml", "file is not valid UTF-8 text")),
                fails("two documents in one file", f -> f.write("sections/story.yaml", story + "---\n" + story),
                        atLine("sections/story.yaml", 3, "YAML syntax error")));
    }

    static List<Case> templates() {
        String security = "is not allowed in the template for security reasons";
        return List.of(
                fails("?new instantiating a class", f -> f.template(
                        "<section><p>${\"freemarker.template.utility.Execute\"?new()(\"id\")}</p></section>\n"),
                        atLine("layouts/article.ftlx", 1, security)),
                fails("?api", f -> f.template("<section><p>${section.kicker?api.getClass()}</p></section>\n"),
                        atLine("layouts/article.ftlx", 1, "api_builtin_enabled")),
                fails("Java method on the model", f -> f.template("<section><p>${section.getClass()}</p></section>\n"),
                        atLine("layouts/article.ftlx", 1, "section.getClass")),
                // A plain field is set typographically: backslashes keep the attacker's quotes straight.
                // ?eval and ?interpret are refused when the template is loaded, before content could reach them.
                fails("?eval of content", f -> f.template("<section><p>${section.kicker?eval}</p></section>\n")
                        .replace("sections/story.yaml", "kicker: Chapter one",
                                "kicker: '\\\"freemarker.template.utility.ObjectConstructor\\\"?new()(\\\"java.io.File\\\", \\\"/\\\")'"),
                        at("layouts/article.ftlx", 1, 13, "layout template: ?eval is not allowed")),
                fails("?interpret of content", f -> f.template(
                        "<section><#assign t = section.kicker?interpret><p><@t/></p></section>\n")
                        .replace("sections/story.yaml", "kicker: Chapter one",
                                "kicker: '${\\\"freemarker.template.utility.Execute\\\"?new()(\\\"id\\\")}'"),
                        at("layouts/article.ftlx", 1, 10, "layout template: ?interpret is not allowed")),
                fails("include outside the layouts", f -> {
                    f.outside("outside.ftlx", "<p>outside</p>".getBytes(StandardCharsets.UTF_8));
                    f.template("<section><#include \"../../elsewhere/outside.ftlx\"></section>\n");
                }, atLine("layouts/article.ftlx", 1, "Template not found for name \"../../elsewhere/outside.ftlx\"")),
                fails("endless loop", f -> f.template("<section><#list 1.. as i><#assign x = i></#list></section>\n"),
                        atFile("layouts/article.ftlx", "the layout took longer than 3 s and was stopped")),
                fails("endless recursion", f -> f.template("<#macro m><@m/></#macro><section><@m/></section>\n"),
                        atFile("layouts/article.ftlx", "macros or includes are nested too deeply")),
                fails("huge output", f -> f.template(
                        "<section><#list 1..100000000 as i><p>${i} lorem ipsum</p></#list></section>\n"),
                        atFile("layouts/article.ftlx", "the layout wrote more than 4194304 characters")),
                renders("content with markup and Freemarker syntax", f -> f
                        .replace("sections/story.yaml", "kicker: Chapter one", "kicker: '</p><page-break/><p x=\"${7*7}'")
                        .replace("sections/story.yaml", "An introduction", "<#list 1.. as i></#list> &amp; ${x}")));
    }

    static List<Case> paths() {
        String outside = "lies outside the content project";
        return List.of(
                fails("image path with ..", f -> {
                    f.outside("secret.jpg", TestImages.jpeg(TestImages.quadrants(8, 8, BufferedImage.TYPE_INT_RGB)));
                    f.replace("sections/story.yaml", "images/landscape.jpg", "../elsewhere/secret.jpg");
                }, at("sections/story.yaml", 8, 8, "'../elsewhere/secret.jpg' " + outside)),
                fails("absolute image path", f -> f.replace("sections/story.yaml", "images/landscape.jpg",
                        TestProject.REPO.resolve("images/art/cover-test.jpg").toString()),
                        at("sections/story.yaml", 8, 8, "absolute path '")),
                fails("image linked from outside", f -> f.link("images/landscape.jpg",
                        f.outside("secret.jpg", TestImages.jpeg(TestImages.quadrants(8, 8, BufferedImage.TYPE_INT_RGB)))),
                        at("sections/story.yaml", 8, 8, "'images/landscape.jpg' " + outside),
                        at("sections/cover.yaml", 6, 8, "'images/landscape.jpg' " + outside)),
                fails("font linked from outside", f -> f.link("fonts/Mine.ttf",
                        f.outside("Mine.ttf", Files.readAllBytes(TestProject.FONTS.resolve("Lato-Regular.ttf"))))
                        .theme("fonts/Mine.ttf"), at("themes/t.yaml", 4, 14, "'fonts/Mine.ttf' " + outside)),
                fails("section file linked from outside", f -> f.link("sections/story.yaml",
                        f.outside("story.yaml", "layout: article\ntitle: Secret\n".getBytes(StandardCharsets.UTF_8))),
                        at("brochure.yaml", 11, 5, "'sections/story.yaml' " + outside)),
                fails("layout schema linked from outside", f -> f.link("layouts/article.schema.yaml",
                        f.outside("a.schema.yaml", "fields:\n  title: text\n".getBytes(StandardCharsets.UTF_8))),
                        atFile("layouts/article.schema.yaml", "which is outside the folder")),
                fails("layout template linked from outside", f -> f.template("x").link("layouts/article.ftlx",
                        f.outside("a.ftlx", "<section/>".getBytes(StandardCharsets.UTF_8))),
                        atFile("layouts/article.ftlx", "which is outside the folder")),
                fails("included template linked from outside", f -> f.template("<section><#include \"part.ftlx\"></section>")
                        .link("layouts/part.ftlx", f.outside("part.ftlx", "<p>x</p>".getBytes(StandardCharsets.UTF_8))),
                        atFile("layouts/article.ftlx", "is a link to a file outside the layouts folder")),
                fails("theme linked from outside", f -> f.theme("fonts/Lato-Regular.ttf").link("themes/t.yaml",
                        f.outside("t.yaml", "extends: default\n".getBytes(StandardCharsets.UTF_8))),
                        atFile("themes/t.yaml", "which is outside the folder")),
                fails("brochure.yaml linked from outside", f -> f.link("brochure.yaml",
                        f.outside("brochure.yaml", Files.readAllBytes(f.file("brochure.yaml")))),
                        atFile("brochure.yaml", "which is outside the content folder")));
    }

    private static byte[] quadrantsJpeg() {
        return TestImages.jpeg(TestImages.quadrants(64, 48, BufferedImage.TYPE_INT_RGB));
    }

    private static byte[] quadrantsPng() {
        return TestImages.png(TestImages.quadrants(64, 48, BufferedImage.TYPE_INT_RGB));
    }

    private static byte[] progressive(BufferedImage image, String format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] patched(byte[] jpeg, int offsetFromSof, int value) {
        byte[] copy = jpeg.clone();
        for (int i = 0; i + 1 < copy.length; i++) {
            if ((copy[i] & 0xff) == 0xFF && (copy[i + 1] & 0xff) == 0xC0) {
                copy[i + offsetFromSof] = (byte) value;
                return copy;
            }
        }
        throw new IllegalStateException("no frame header");
    }

    static List<Case> images() {
        String story = "sections/story.yaml";
        String only = "; only JPEG and PNG images are supported";
        BufferedImage small = TestImages.quadrants(16, 16, BufferedImage.TYPE_INT_RGB);
        return List.of(
                fails("truncated JPEG", f -> f.photo("t.jpg", Arrays.copyOf(quadrantsJpeg(), 400)),
                        at(story, 8, 8, "image 'images/t.jpg' cannot be used: the JPEG file ends early (it is truncated)"),
                        hint("copy or export it again")),
                fails("truncated PNG", f -> {
                    byte[] png = quadrantsPng();
                    f.photo("t.png", Arrays.copyOf(png, png.length - 30));
                }, at(story, 8, 8, "the PNG file ends early (it is truncated)")),
                fails("corrupt PNG", f -> {
                    byte[] png = quadrantsPng();
                    png[png.length / 2] ^= 0x5A;
                    f.photo("c.png", png);
                }, at(story, 8, 8, "the PNG file is corrupt (the checksum of its IDAT chunk does not match)")),
                fails("JPEG without image data", f -> f.photo("e.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
                    (byte) 0xD9}), at(story, 8, 8, "the JPEG file is corrupt (it holds no image data)")),
                fails("empty image file", f -> f.photo("empty.jpg", new byte[0]), at(story, 8, 8, "the file is empty")),
                fails("GIF", f -> f.photo("g.gif", TestImages.write(small, "gif")), at(story, 8, 8, "it is a GIF image" + only)),
                fails("WebP", f -> f.photo("w.webp", "RIFF\u0024\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)),
                        at(story, 8, 8, "it is a WebP image" + only)),
                fails("TIFF", f -> f.photo("t.tif", TestImages.write(small, "tiff")), at(story, 8, 8, "it is a TIFF image" + only)),
                fails("BMP named .png", f -> f.photo("b.png", TestImages.write(small, "bmp")),
                        at(story, 8, 8, "it is a BMP image" + only)),
                fails("HEIC from an iPhone named .jpg", f -> f.photo("IMG_0001.jpg",
                        "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1)),
                        at(story, 8, 8, "it is a HEIC image (the iPhone's format)" + only)),
                fails("text file named .jpg", f -> f.photo("notes.jpg", "Remember to fix the photo.\n".getBytes(
                        StandardCharsets.UTF_8)), at(story, 8, 8, "it is a text file, not an image" + only)),
                fails("PNG decompression bomb", f -> f.photo("bomb.png", TestImages.pngClaiming(20000, 20000)),
                        at(story, 8, 8, "it is 20000x20000 pixels, more than the 100 megapixel limit")),
                fails("JPEG claiming 60000x60000", f -> f.photo("bomb.jpg", TestImages.jpegClaiming(60000, 60000)),
                        at(story, 8, 8, "it is 60000x60000 pixels, more than the 100 megapixel limit")),
                fails("PNG too large to decode", f -> f.photo("big.png", TestImages.pngClaiming(8000, 8000)),
                        at(story, 8, 8, "needs 183 MB once decompressed, more than the 64 MB limit for PNGs")),
                fails("image file too large", f -> {
                    f.photo("huge.jpg", quadrantsJpeg());
                    try (RandomAccessFile raf = new RandomAccessFile(f.file("images/huge.jpg").toFile(), "rw")) {
                        raf.setLength(65L * 1024 * 1024);
                    }
                }, at(story, 8, 8, "the file is 65 MB, more than the 64 MB limit for images")),
                fails("12-bit JPEG", f -> f.photo("12.jpg", patched(quadrantsJpeg(), 4, 12)),
                        at(story, 8, 8, "it has 12 bits per sample; PDF viewers show only 8-bit JPEGs")),
                fails("arithmetic-coded JPEG", f -> f.photo("ac.jpg", patched(quadrantsJpeg(), 1, 0xC9)),
                        at(story, 8, 8, "it is an arithmetic-coded JPEG, which PDF viewers cannot show")),
                renders("CMYK JPEG", f -> f.photo("cmyk.jpg",
                        Files.readAllBytes(TestProject.REPO.resolve("src/test/resources/images/cmyk-quadrants.jpg")))),
                renders("greyscale JPEG", f -> f.photo("grey.jpg", TestImages.jpeg(TestImages.grey(64, 48)))),
                renders("progressive JPEG", f -> f.photo("p.jpg", progressive(TestImages.quadrants(64, 48,
                        BufferedImage.TYPE_INT_RGB), "jpeg"))),
                renders("EXIF-rotated phone photo", f -> f.photo("phone.jpg",
                        TestImages.withExifOrientation(quadrantsJpeg(), 6))),
                renders("EXIF orientation of type UNDEFINED, count 0", f -> f.photo("odd.jpg",
                        TestImages.withUnreadableExifOrientation(quadrantsJpeg())),
                        warningAt(story, 8, 8, "image 'images/odd.jpg': its EXIF orientation cannot be read")),
                renders("16-bit RGB PNG", f -> f.photo("s.png", TestImages.png(TestImages.sixteenBit(64, 48, false)))),
                renders("16-bit RGBA PNG", f -> f.photo("s.png", TestImages.png(TestImages.sixteenBit(64, 48, true)))),
                renders("palette PNG", f -> f.photo("p.png", TestImages.png(TestImages.paletted(64, 48)))),
                renders("PNG with alpha", f -> f.photo("a.png", TestImages.png(TestImages.quadrants(64, 48,
                        BufferedImage.TYPE_INT_ARGB)))),
                renders("interlaced PNG", f -> f.photo("i.png", progressive(TestImages.quadrants(64, 48,
                        BufferedImage.TYPE_INT_RGB), "png"))),
                renders("RGBA PNG at the decoding limit (4096x4096)", f -> f.photo("limit.png",
                        TestImages.png(TestImages.quadrants(4096, 4096, BufferedImage.TYPE_INT_ARGB)))));
    }

    private static byte[] lato() {
        try {
            return Files.readAllBytes(TestProject.FONTS.resolve("Lato-Regular.ttf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> fonts() {
        String theme = "themes/t.yaml";
        return List.of(
                fails("font of random bytes", f -> {
                    byte[] b = new byte[4096];
                    new Random(7).nextBytes(b);
                    b[0] = 0;
                    b[1] = 1;
                    b[2] = 0;
                    b[3] = 0;
                    f.bytes("fonts/Broken.ttf", b).theme("fonts/Broken.ttf");
                }, at(theme, 4, 14, "font 'sans' regular: 'Broken.ttf' is corrupt"), hint("undamaged TrueType")),
                fails("truncated font", f -> f.bytes("fonts/Broken.ttf", Arrays.copyOf(lato(), 100_000))
                        .theme("fonts/Broken.ttf"), at(theme, 4, 14, "the file may be truncated")),
                fails("font with garbage tables", f -> {
                    byte[] b = lato();
                    int tables = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
                    Random random = new Random(13);
                    for (int i = 12 + 16 * tables; i < b.length; i++) {
                        b[i] = (byte) random.nextInt(256);
                    }
                    f.bytes("fonts/Broken.ttf", b).theme("fonts/Broken.ttf");
                }, atFile("Broken.ttf", "cannot load font 'Broken.ttf'"), hint("undamaged TrueType")),
                fails("image named .ttf", f -> f.bytes("fonts/Broken.ttf", quadrantsPng()).theme("fonts/Broken.ttf"),
                        at(theme, 4, 14, "'Broken.ttf' is not a TrueType or OpenType font")),
                fails("web font", f -> f.bytes("fonts/Web.woff", "wOFF\0\1\0\0xxxxxxxxxxxxxxxx".getBytes(
                        StandardCharsets.ISO_8859_1)).theme("fonts/Web.woff"), at(theme, 4, 14, "is a web font (WOFF)")),
                fails("character the font lacks", f -> f.replace("sections/story.yaml", "An introduction",
                        "An \u4E00 introduction"), at("sections/story.yaml", 4, 8, "character '\u4E00' (U+4E00) has no glyph in font")));
    }

    static List<Case> output() {
        return List.of(
                new Case("output folder is a file", f -> { },
                        f -> List.of("build", "--content", f.content().toString(), "-o", f.output().resolve("b.pdf").toString()),
                        ExitCode.USER_ERROR, List.of(line("error: cannot write output: a file stands where the output folder should be")),
                        true),
                new Case("output path is a folder", f -> Files.createDirectories(f.output()), BadInputCases::build,
                        ExitCode.USER_ERROR, List.of(line("error: the output path exists and is not a file")), true),
                new Case("output folder not writable", f -> { },
                        f -> List.of("build", "--content", f.content().toString(), "-o", "/sys/brochure-matrix.pdf"),
                        ExitCode.USER_ERROR, List.of(line("error: cannot write in the folder /sys: permission denied")),
                        Files.isDirectory(Path.of("/sys"))));
    }

    // --- issue 18, robustness second round ---------------------------------------------------

    private static final String STORY = "sections/story.yaml";
    private static final String SECOND_PARAGRAPH = "A second paragraph closes the story.";

    private static List<String> validate(BadInputFixture f) {
        return List.of("validate", "--content", f.content().toString());
    }

    private static List<String> verify(BadInputFixture f) {
        return List.of("verify", f.root.resolve("elsewhere/flawed.pdf").toString());
    }

    static List<Case> links() {
        String mercury = "https://en.wikipedia.org/wiki/Mercury_(planet)";
        String notAllowed = "a link in 'paragraphs' item 2 cannot be used: links to '";
        return List.of(
                renders("link target with parentheses", f -> f.replace(STORY, SECOND_PARAGRAPH,
                        "See [the article](" + mercury + ") and " + mercury + ".")),
                fails("javascript:, file:, launch: and data: links in content", f -> f.replace(STORY, SECOND_PARAGRAPH,
                        "Try [a](javascript:alert(1)) [b](file:///etc/passwd) [c](launch:calc.exe) [d](data:text/html,x)"),
                        at(STORY, 15, 5, notAllowed + "javascript:' are not allowed"),
                        at(STORY, 15, 5, notAllowed + "file:' are not allowed"),
                        at(STORY, 15, 5, notAllowed + "launch:' are not allowed"),
                        at(STORY, 15, 5, notAllowed + "data:' are not allowed"),
                        hint("a link may go to an http:, https:, mailto: or tel: address, or to a #section-id")),
                fails("relative link in content", f -> f.replace(STORY, SECOND_PARAGRAPH, "See [a](page.html)."),
                        at(STORY, 15, 5, "'page.html' has no scheme such as https:")),
                fails("javascript: link in a layout", f -> f.template(
                        "<section><p><a href=\"javascript:alert(1)\">x</a></p></section>\n"),
                        atFile("layouts/article.ftlx", "<a> at layout output line 1"),
                        line("href cannot be used: links to 'javascript:' are not allowed")),
                new Case("verify: a PDF with javascript:, file: and Launch links", f -> TestPdfs.write(
                        f.root.resolve("elsewhere/flawed.pdf"), EnumSet.of(TestPdfs.Flaw.UNSAFE_LINKS)),
                        BadInputCases::verify, ExitCode.USER_ERROR, List.of(
                                line("link-target: page 2: link to javascript:app.alert(1): a 'javascript:' link"),
                                line("link-target: page 2: link to file:///etc/passwd: a 'file:' link"),
                                line("link-target: page 2: link to action Launch: a Launch action")), true));
    }

    /** A theme 't' whose body (or another style) has {@code properties} (themes/t.yaml line 3). */
    private static Setup style(String name, String properties) {
        return f -> f.write("themes/t.yaml", "extends: default\nstyles:\n  " + name + ": " + properties + "\n")
                .replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: t");
    }

    static List<Case> numbers() {
        String size = "size must be from 1pt to 1000pt";
        return List.of(
                fails("negative font size (-5pt)", style("body", "{size: -5pt}"),
                        at("themes/t.yaml", 3, 16, "style 'body' " + size + ", not '-5pt'"), hint("body text is usually")),
                fails("invisible font size (0.0001pt)", style("body", "{size: 0.0001pt}"),
                        at("themes/t.yaml", 3, 16, "style 'body' " + size + ", not '0.0001pt'")),
                fails("zero font size (0pt)", style("body", "{size: 0pt}"),
                        at("themes/t.yaml", 3, 16, "style 'body' " + size + ", not '0pt'")),
                fails("zero footer size (0pt)", style("footer", "{size: 0pt}"),
                        at("themes/t.yaml", 3, 18, "style 'footer' " + size + ", not '0pt'")),
                new Case("zero font size, validate", style("body", "{size: 0pt}"), BadInputCases::validate,
                        ExitCode.USER_ERROR, List.of(at("themes/t.yaml", 3, 16, "style 'body' " + size)), true),
                fails("negative leading and spacing, huge tracking", style("body", "{leading: -2pt, space-after: -1mm,"
                        + " tracking: 1e9}"), at("themes/t.yaml", 3, 19, "style 'body' leading must not be negative, not '-2pt'"),
                        at("themes/t.yaml", 3, 38, "style 'body' space-after must not be negative, not '-1mm'"),
                        at("themes/t.yaml", 3, 54, "style 'body' tracking must be from -1000 to 1000, not '1e9'"),
                        "(?s)\\A(?!.*style '(?!body)[a-z-]+' (leading|space-after|tracking))"),
                fails("NaN%, Infinity% and 1e400pt in a layout", f -> f.template("<section><page><frame x=\"NaN%\""
                        + " y=\"Infinity%\" width=\"1e400pt\"><p>x</p></frame></page><row><cell weight=\"NaN\"><p>y</p>"
                        + "</cell></row></section>\n"), line("x='NaN%' is not a percentage"),
                        line("y='Infinity%' is not a percentage"), line("width='1e400pt' is not a length"),
                        line("weight='NaN' must be a number from 0 to 1000")),
                fails("a length of 400 digits in a layout", f -> f.template("<section><spacer height=\""
                        + "9".repeat(400) + "pt\"/></section>\n"),
                        line("is longer than 14400pt (200 in), the largest page a PDF can describe")),
                fails("a percentage far beyond the page", f -> f.template("<section><page><frame x=\"1000000%\">"
                        + "<p>x</p></frame></page></section>\n"), line("x='1000000%' is more than 1000% either way")));
    }

    static List<Case> clock() {
        return List.of(
                fails("the clock in a template (.now)", f -> f.template("<section>\n<p>${.now}</p></section>\n"),
                        at("layouts/article.ftlx", 2, 4, "layout template: .now is not allowed: a layout cannot read the"
                                + " clock"), hint("'date:' in brochure.yaml")),
                fails("the clock built at run time (?eval)", f -> f.template(
                        "<section><p>${(\".n\" + \"ow\")?eval}</p></section>\n"),
                        at("layouts/article.ftlx", 1, 13, "layout template: ?eval is not allowed")),
                fails("the clock in an included template", f -> f.template("<section><#include \"part.ftlx\"></section>\n")
                        .write("layouts/part.ftlx", "<p>${.now?long}</p>"),
                        atLine("layouts/article.ftlx", 1, ".now is not allowed")),
                fails("the machine's locale (#setting locale=\"JVM default\")", f -> f.template(
                        "<section><#setting locale=\"JVM default\"><p>${1.5}</p></section>\n"),
                        at("layouts/article.ftlx", 1, 10, "#setting locale must be a fixed value")));
    }

    /** A PDF whose page tree holds a node that contains itself. */
    private static void loopingPageTree(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            COSDictionary pages = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
            COSDictionary inner = new COSDictionary();
            inner.setItem(COSName.TYPE, COSName.PAGES);
            COSArray innerKids = new COSArray();
            innerKids.add(pages);
            inner.setItem(COSName.KIDS, innerKids);
            inner.setInt(COSName.COUNT, 1);
            pages.getCOSArray(COSName.KIDS).add(inner);
            pages.setInt(COSName.COUNT, 2);
            doc.save(file.toFile());
        }
    }

    static List<Case> pdfs() {
        return List.of(
                new Case("verify: text outside the page", f -> TestPdfs.write(f.root.resolve("elsewhere/flawed.pdf"),
                        EnumSet.of(TestPdfs.Flaw.OFF_PAGE_TEXT)), BadInputCases::verify, ExitCode.USER_ERROR, List.of(
                                line("text-on-page: page 2: 23 glyphs are drawn outside the page, where no reader sees"
                                        + " them: \"Hidden beyond the edge.\"")), true),
                new Case("verify: a PDF without pages", f -> {
                    try (PDDocument doc = new PDDocument()) {
                        doc.save(f.root.resolve("elsewhere/flawed.pdf").toFile());
                    }
                }, BadInputCases::verify, ExitCode.USER_ERROR, List.of(line("flawed.pdf: pages: the PDF has no pages")), true),
                new Case("preview: a page tree that loops", f -> loopingPageTree(f.root.resolve("elsewhere/loop.pdf")),
                        f -> List.of("preview", f.root.resolve("elsewhere/loop.pdf").toString(), "--out",
                                f.root.resolve("elsewhere/preview").toString()),
                        ExitCode.USER_ERROR, List.of(atFile("loop.pdf", "the PDF's page tree is damaged: it loops back on"
                                + " itself")), true),
                new Case("verify: a FIFO instead of a PDF", f -> mkfifo(f.root.resolve("elsewhere/flawed.pdf")),
                        BadInputCases::verify, ExitCode.USER_ERROR, List.of(atFile("flawed.pdf",
                        "is not a regular file (a pipe, a device or a socket)")), MKFIFO),
                new Case("verify: a page tree that loops", f -> loopingPageTree(f.root.resolve("elsewhere/flawed.pdf")),
                        BadInputCases::verify, ExitCode.USER_ERROR, List.of(atFile("flawed.pdf", "the PDF's page tree is"
                                + " damaged")), true));
    }

    private static final boolean MKFIFO = Files.isExecutable(Path.of("/usr/bin/mkfifo"))
            || Files.isExecutable(Path.of("/bin/mkfifo"));

    /** Replaces {@code relative} by a named pipe (nothing ever writes to it: opening it would block). */
    private static void fifo(BadInputFixture f, String relative) throws IOException {
        mkfifo(f.file(relative));
    }

    private static void mkfifo(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            if (new ProcessBuilder("mkfifo", file.toString()).start().waitFor() != 0) {
                throw new IOException("mkfifo failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static List<Case> messages() {
        String deep = "<section><#list 1..100000 as i><panel></#list><p>x</p><#list 1..100000 as i></panel></#list>"
                + "</section>\n";
        return List.of(
                fails("NUL written as an escape (\"\\0\")", f -> f.replace(STORY, "kicker: Chapter one",
                        "kicker: \"Chapter \\0 one\""),
                        at(STORY, 2, 9, "the value holds the control character U+0000, which is not allowed in text"),
                        hint("remove the escape")),
                fails("half a surrogate pair (\"\\uD800\")", f -> f.replace(STORY, "title: The Story So Far",
                        "title: \"The \\uD800 Story\""),
                        at(STORY, 3, 8, "the value holds half a surrogate pair, U+D800, which is not allowed in text")),
                fails("a section file that is a FIFO", f -> fifo(f, STORY),
                        at("brochure.yaml", 11, 5, "'sections/story.yaml' is a named pipe (FIFO), not a regular file"),
                        hint("only regular files are read")).onlyIf(MKFIFO),
                fails("brochure.yaml that is a FIFO", f -> fifo(f, "brochure.yaml"),
                        atFile("brochure.yaml", "this is a named pipe (FIFO), not a regular file")).onlyIf(MKFIFO),
                new Case("brochure.yaml that is a FIFO, validate", f -> fifo(f, "brochure.yaml"), BadInputCases::validate,
                        ExitCode.USER_ERROR, List.of(atFile("brochure.yaml", "this is a named pipe (FIFO)")), MKFIFO),
                fails("a section file that is a device", f -> f.link(STORY, Path.of("/dev/zero")),
                        at("brochure.yaml", 11, 5, "'sections/story.yaml' is a character device, not a regular file"))
                        .onlyIf(Files.exists(Path.of("/dev/zero"))),
                fails("100,000 nested panels (a 1.5 MB output line)", f -> f.template(deep),
                        atFile("layouts/article.ftlx", "has a depth of \"101\" that exceeds the limit \"100\""),
                        hint("output line 1 is: [628 characters] ...nel><panel>"), line("... [1499239 more characters]"),
                        "(?s)\\A(?!.*[^\\n]{1200})"),
                fails("a template nested 50,000 levels deep", f -> f.template("<section><p>${" + "(".repeat(50_000) + "1"
                        + ")".repeat(50_000) + "}</p></section>\n"),
                        atFile("layouts/article.ftlx", "the layout template is nested too deeply to be read")),
                fails("a 1.5 MB template", f -> f.template("<section>" + "<panel>".repeat(100_000) + "<p>x</p>"
                        + "</panel>".repeat(100_000) + "</section>\n"),
                        atFile("layouts/article.ftlx", "'article.ftlx' is 1464 KB, more than the 256 KB a layout template may"
                                + " have")),
                fails("a section file listed twice", f -> f.replace("brochure.yaml", "  - sections/story.yaml",
                        "  - sections/story.yaml\n  - sections/story.yaml"),
                        at("brochure.yaml", 12, 5, "sections/story.yaml' is listed twice in 'sections' (first at line 11)")),
                fails("two sections with one id", f -> f.replace("sections/cover.yaml", "layout: cover", "layout: cover\nid: story"),
                        at("brochure.yaml", 11, 5, "section id 'story' is used twice: by "),
                        line("sections/cover.yaml (listed at line 10) and by "),
                        line("sections/story.yaml (listed at line 11)")),
                fails("SOURCE_DATE_EPOCH after the year 9999", f -> { },
                        atFile("SOURCE_DATE_EPOCH", "'253402300800' is after the year 9999 (253402300799), which a PDF"
                                + " date cannot record")).with(Map.of("SOURCE_DATE_EPOCH", "253402300800")),
                renders("SOURCE_DATE_EPOCH at the last second of 9999", f -> { })
                        .with(Map.of("SOURCE_DATE_EPOCH", "253402300799")));
    }

    /** {@code png} as a different file each time: a text chunk before its end names {@code n}. */
    private static byte[] numbered(byte[] png, int n) {
        byte[] end = Arrays.copyOfRange(png, png.length - 12, png.length);
        return TestImages.concat(Arrays.copyOf(png, png.length - 12),
                TestImages.chunk("tEXt", ("Comment\0copy " + n).getBytes(StandardCharsets.ISO_8859_1)), end);
    }

    static List<Case> memory() {
        return List.of(
                fails("20 sections of a million characters", f -> {
                    StringBuilder sections = new StringBuilder();
                    String paragraph = "  - " + "lorem ipsum dolor sit amet ".repeat(37) + "\n";
                    String text = "layout: article\ntitle: Long\nparagraphs:\n" + paragraph.repeat(1_000_000 / paragraph.length());
                    for (int i = 0; i < 20; i++) {
                        f.write("sections/long" + i + ".yaml", text);
                        sections.append("  - sections/long").append(i).append(".yaml\n");
                    }
                    f.replace("brochure.yaml", "  - sections/story.yaml\n", sections.toString());
                }, at("brochure.yaml", 15, 5, "the sections up to this one hold 4.8 MB of text, more than the 4 MB one"
                        + " build may set"), hint("split the brochure into several")),
                new Case("20 RGBA PNGs of 4096x4096, print profile", f -> {
                    byte[] png = TestImages.png(TestImages.quadrants(4096, 4096, BufferedImage.TYPE_INT_ARGB));
                    StringBuilder sections = new StringBuilder();
                    for (int i = 0; i < 20; i++) {
                        f.bytes("images/big" + i + ".png", numbered(png, i));
                        f.write("sections/big" + i + ".yaml", "layout: article\ntitle: Big " + i + "\nphoto: images/big" + i
                                + ".png\n");
                        sections.append("  - sections/big").append(i).append(".yaml\n");
                    }
                    f.replace("brochure.yaml", "  - sections/story.yaml\n", sections.toString());
                }, f -> List.of("build", "--profile", "print", "--content", f.content().toString(), "-o",
                        f.output().toString()), ExitCode.USER_ERROR, List.of(line("error: the brochure's 21 images would"
                                + " put some 1280 MB into the PDF (this one the most), more than a PDF may hold in the "),
                                hint("the print profile embeds every pixel")), true),
                fails("a font padded to 600 MB", f -> {
                    f.bytes("fonts/Big.ttf", lato()).theme("fonts/Big.ttf");
                    try (RandomAccessFile raf = new RandomAccessFile(f.file("fonts/Big.ttf").toFile(), "rw")) {
                        raf.setLength(600L * 1024 * 1024);
                    }
                }, at("themes/t.yaml", 4, 14, "font 'sans' regular: 'Big.ttf' is 600 MB, more than the 64 MB a font file"
                        + " may have")),
                fails("a font padded to 2.2 GB", f -> {
                    f.bytes("fonts/Big.ttf", lato()).theme("fonts/Big.ttf");
                    try (RandomAccessFile raf = new RandomAccessFile(f.file("fonts/Big.ttf").toFile(), "rw")) {
                        raf.setLength(2200L * 1024 * 1024);
                    }
                }, at("themes/t.yaml", 4, 14, "'Big.ttf' is 2200 MB, more than the 64 MB a font file may have")),
                fails("12,000 half-page spacers (6,000 pages without a page break)", f -> f.template(
                        "<section><#list 1..12000 as i><spacer height=\"400pt\"/></#list></section>\n"),
                        at(STORY, 1, 1, "the brochure would have more than 5000 pages (with this section, at least 5001)")),
                fails("40,000 page breaks", f -> f.template("<section><#list 1..40000 as i><p>${i}</p><page-break/>"
                        + "</#list></section>\n"),
                        at(STORY, 1, 1, "the brochure would have more than 5000 pages (with this section, at least 40001)"),
                        hint("<page-break/> in a loop")));
    }
}
