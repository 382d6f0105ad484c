package org.flowscore.source.follow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flowscore.source.registry.FileHead;
import org.flowscore.source.registry.FileState;
import org.flowscore.source.registry.Registry;
import org.flowscore.source.registry.RegistryEntry;

/** Where a rotated file went, so that the registry (and a restart) can find it again. */
public final class Rotations {
    private Rotations() {
    }

    /**
     * The path in the file's old folder that now names the same inode (Zeek's and logrotate's rename), or
     * null when it left the folder or is gone (deleted, or already compressed into an archive).
     */
    public static Path findByInode(OpenLog file) {
        Path folder = file.path().toAbsolutePath().getParent();
        if (folder == null) {
            return null;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path candidate : entries) {
                if (!Files.isRegularFile(candidate)) {
                    continue;
                }
                long[] ids = FileHead.deviceAndInode(candidate);
                if (ids[0] == file.head().device() && ids[1] == file.head().inode()) {
                    return candidate;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /**
     * Whether {@code name} is what a rotation makes of the followed file's name in the same folder: Zeek's
     * {@code conn.2024-04-19-10-00-00.log} for {@code conn.log}, logrotate's {@code eve.json.1} for
     * {@code eve.json}. Compressed files are not: a rotation renames, and compression comes after.
     */
    static boolean isRotatedName(String followed, String name) {
        if (name.equals(followed) || name.endsWith(".gz")) {
            return false;
        }
        int dot = followed.lastIndexOf('.');
        String stem = dot > 0 ? followed.substring(0, dot + 1) : followed + ".";
        String extension = dot > 0 ? followed.substring(dot) : "";
        return name.startsWith(followed + ".") || (name.startsWith(stem) && name.endsWith(extension));
    }

    /**
     * The rotated names in the followed path's folder that flowscore still has to read, oldest first: those
     * the registry does not know that changed at or after {@code sinceMillis} (rotated in and out of the
     * path before the follower could open them), and, with {@code knownUnfinished}, those it knows that
     * were not read to their end with everything acknowledged.
     */
    public static List<Path> toCatchUp(Path followed, Registry registry, long sinceMillis, boolean knownUnfinished)
            throws IOException {
        List<Path> found = new ArrayList<>();
        String name = followed.getFileName().toString();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(followed.getParent())) {
            for (Path f : entries) {
                if (isRotatedName(name, f.getFileName().toString()) && due(f, registry, sinceMillis, knownUnfinished)) {
                    found.add(f);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        found.sort(Comparator.comparing(Rotations::modified));
        return found;
    }

    private static boolean due(Path f, Registry registry, long sinceMillis, boolean knownUnfinished)
            throws IOException {
        try {
            if (!Files.isRegularFile(f) || Files.size(f) == 0) {
                return false;
            }
            RegistryEntry known;
            try (FileChannel channel = FileChannel.open(f, StandardOpenOption.READ)) {
                known = registry.find(FileHead.read(f, channel)).orElse(null);
            }
            return known == null
                    ? Files.getLastModifiedTime(f).toMillis() >= sinceMillis
                    : knownUnfinished && known.state() != FileState.DONE && Files.size(f) > known.offset();
        } catch (NoSuchFileException e) {
            // Compressed or deleted between the listing and now: gone from this folder.
            return false;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
