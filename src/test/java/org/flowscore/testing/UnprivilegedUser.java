package org.flowscore.testing;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Elasticsearch refuses to run as root, and this project's machines and CI run as root: there it runs as a
 * system user of its own, created when missing, that owns the folders Elasticsearch writes to.
 */
final class UnprivilegedUser {
    static final String NAME = "flowscore-es";

    private UnprivilegedUser() {
    }

    static boolean needed() {
        return new UnixSystem().getUid() == 0;
    }

    /** Creates the user when missing (root only). */
    static void ensureExists() throws IOException {
        if (run(List.of("id", "-u", NAME)) != 0) {
            int code = run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME));
            if (code != 0) {
                throw new IOException("useradd " + NAME + " failed with exit code " + code
                        + ": Elasticsearch cannot run as root, so the tests need an unprivileged user");
            }
        }
    }

    static void own(Path folder) throws IOException {
        int code = run(List.of("chown", "-R", NAME + ":", folder.toString()));
        if (code != 0) {
            throw new IOException("chown -R " + NAME + " " + folder + " failed with exit code " + code);
        }
    }

    /** Whether the user can read and enter the folder (every parent folder must let it through). */
    static boolean canEnter(Path folder) throws IOException {
        return run(List.of("runuser", "-u", NAME, "--", "test", "-r", folder.toString(), "-a", "-x",
                folder.toString())) == 0;
    }

    /** The command run as the user; runuser keeps the environment the ProcessBuilder sets. */
    static List<String> as(List<String> command) {
        List<String> out = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
        out.addAll(command);
        return out;
    }

    private static int run(List<String> command) throws IOException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command, e);
        }
    }
}
