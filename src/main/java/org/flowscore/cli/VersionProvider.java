package org.flowscore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reports the version Maven stamped into the jar, and the Java runtime it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/flowscore-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "flowscore " + version(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
            "Licence GPL-3.0-or-later"
        };
    }
}
