package dev.brochure.pipeline.batch;

import dev.brochure.vocab.Recipient;
import dev.brochure.world.Builtins;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a copy is made from, as a SHA-256: every file of the content folder (brochure.yaml,
 * sections, themes, layouts) and of the project's images/ and fonts/ by path and bytes, the
 * built-in layouts, themes, hyphenation patterns and fonts, the tool (its version, and its jar's size
 * and time), the build settings (profile, size budget, paper, the PDF's date), and then for each
 * copy its record's fields and its file name. The same fingerprint means the same PDF, so a
 * copy whose fingerprint the manifest already has is not built again.
 */
final class Fingerprints {

    private static final List<String> BUILTIN_FOLDERS = List.of("layouts", "themes", "hyphenation", Builtins.FONTS);

    private final byte[] run;

    private Fingerprints(byte[] run) {
        this.run = run;
    }

    /** The inputs every copy shares; {@code settings} describes the build settings, {@code skip} is left out (the output folder). */
    static Fingerprints of(Path contentDir, Path projectRoot, String settings, Path skip) {
        MessageDigest digest = sha256();
        update(digest, "brochure-batch/1");
        update(digest, settings);
        tool(digest);
        for (String folder : BUILTIN_FOLDERS) {
            for (String name : Builtins.list(folder)) {
                update(digest, Builtins.displayName(folder, name));
                builtin(digest, folder + "/" + name);
            }
        }
        files(digest, contentDir, skip);
        files(digest, projectRoot.resolve("images"), skip);
        files(digest, projectRoot.resolve("fonts"), skip);
        return new Fingerprints(digest.digest());
    }

    /** The fingerprint of one copy: the shared inputs, its record's fields and its file name. */
    String of(Recipient recipient, String file) {
        MessageDigest digest = sha256();
        digest.update(run);
        update(digest, file);
        for (Map.Entry<String, String> field : recipient.fields().entrySet()) {
            update(digest, field.getKey());
            update(digest, field.getValue());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void files(MessageDigest digest, Path folder, Path skip) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Path absoluteSkip = skip == null ? null : skip.toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> absoluteSkip == null || !p.toAbsolutePath().normalize().startsWith(absoluteSkip))
                    .filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            update(digest, folder.getFileName() + "/" + folder.relativize(file).toString().replace('\\', '/'));
            try {
                if (Files.isSymbolicLink(file)) {
                    update(digest, "-> " + Files.readSymbolicLink(file));
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        digest.update(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // A file that cannot be read makes the build fail anyway; its absence is part of the fingerprint.
                update(digest, "unreadable");
            }
        }
    }

    /** The bytes of a built-in file (fonts are binary: never read as text). */
    private static void builtin(MessageDigest digest, String entry) {
        try (InputStream in = Fingerprints.class.getResourceAsStream("/" + entry)) {
            if (in == null) {
                update(digest, "missing");
                return;
            }
            update(digest, "bytes");
            digest.update(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tool itself: its version, and when it runs from a jar, the jar's size and time. */
    private static void tool(MessageDigest digest) {
        update(digest, dev.brochure.pipeline.Pipeline.PRODUCER);
        try {
            var source = Fingerprints.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path location = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(location)) {
                    update(digest, Files.size(location) + "@" + Files.getLastModifiedTime(location).toMillis());
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            update(digest, "unknown tool");
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
