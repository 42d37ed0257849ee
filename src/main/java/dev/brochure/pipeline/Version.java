package dev.brochure.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, as Maven stamped it into {@code brochure-version.properties}. */
public final class Version {

    private Version() {
    }

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/brochure-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
