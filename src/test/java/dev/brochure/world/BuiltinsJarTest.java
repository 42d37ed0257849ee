package dev.brochure.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.TestProject;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Built-in files of the packaged tool: inside the jar, a built-in font is a path under the jar's
 * own path, read from the class path, stamped with the jar's size and time and shown as
 * {@code builtin:fonts/...}. (Tests otherwise run from the class-path folder, so this loads the
 * classes concerned from a jar of their own.)
 */
class BuiltinsJarTest {

    @TempDir
    Path temp;

    private static void add(JarOutputStream jar, String name, byte[] bytes) throws Exception {
        jar.putNextEntry(new JarEntry(name));
        jar.write(bytes);
        jar.closeEntry();
    }

    private static byte[] classFile(Class<?> type) throws Exception {
        return Files.readAllBytes(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(type.getName().replace('.', '/') + ".class"));
    }

    @Test
    void aBuiltInFontInsideTheJarIsReadFromTheClassPathAndNamedAsBuiltIn() throws Exception {
        Path jarFile = temp.resolve("tool.jar");
        byte[] lato = Files.readAllBytes(TestProject.FONTS.resolve("Lato-Regular.ttf"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(jarFile))) {
            add(jar, "dev/brochure/world/Builtins.class", classFile(Builtins.class));
            add(jar, "dev/brochure/world/FileStamp.class", classFile(FileStamp.class));
            add(jar, "fonts/Lato-Regular.ttf", lato);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jarFile.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> builtins = loader.loadClass(Builtins.class.getName());
            Method path = builtins.getMethod("path", String.class, String.class);
            Path font = ((Optional<?>) path.invoke(null, "fonts", "Lato-Regular.ttf")).map(Path.class::cast).orElseThrow();
            assertEquals(jarFile.toRealPath().resolve("fonts/Lato-Regular.ttf"), font.toAbsolutePath());
            assertFalse(Files.exists(font), "a name, not a file of the file system");
            assertEquals(Optional.empty(), path.invoke(null, "fonts", "Nope.ttf"));

            assertEquals(Optional.of("builtin:fonts/Lato-Regular.ttf"), builtins.getMethod("nameOf", Path.class)
                    .invoke(null, font));
            assertEquals(Optional.empty(), builtins.getMethod("nameOf", Path.class).invoke(null, temp.resolve("x.ttf")));
            byte[] read = (byte[]) ((Optional<?>) builtins.getMethod("bytes", Path.class).invoke(null, font)).orElseThrow();
            assertArrayEquals(lato, read);
            assertEquals(Optional.of(jarFile.toRealPath()), builtins.getMethod("container", Path.class).invoke(null, font));

            Object stamp = loader.loadClass(FileStamp.class.getName()).getMethod("of", Path.class).invoke(null, font);
            assertTrue(stamp.toString().contains("size=" + Files.size(jarFile)), "the jar's stamp: " + stamp);
        }
    }
}
