package org.flowscore.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch integration-test distribution Maven fetched (a test dependency of type zip), unzipped
 * once into the build folder and reused by later runs: a marker written last tells a complete unzip from
 * an interrupted one.
 */
final class EsDistribution {
    private static final String MARKER = ".flowscore-unzipped";

    private EsDistribution() {
    }

    /** The unzipped distribution's folder (the one holding bin/, lib/, config/). */
    static Path unzipped(Path zip, Path into) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Elasticsearch test distribution not found at " + zip
                    + ": run the tests through Maven (it downloads the zip declared in pom.xml and passes its"
                    + " path as -Dflowscore.es.zip)");
        }
        String top;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            top = z.entries().nextElement().getName().split("/")[0];
            Path home = into.resolve(top);
            if (Files.exists(home.resolve(MARKER))) {
                return home;
            }
            for (ZipEntry e : z.stream().toList()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry escapes the target folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                // java.util.zip drops the Unix modes; the launcher scripts and native tools need their x bit.
                if (target.getParent().getFileName().toString().equals("bin")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            Files.createFile(home.resolve(MARKER));
            return home;
        }
    }
}
